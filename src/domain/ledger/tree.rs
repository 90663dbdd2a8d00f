//! The ordered set behind the line: a balanced search tree (AVL) whose every node carries
//! the number of members in its subtree and the sum of a count over them. The ledger's
//! count says whether a member is waitlisted and which modes it would take, so a place in
//! line, the first member who would take a seat of some mode, and the member at a given
//! place are each one descent from the root, O(log n).
//!
//! Nodes are shared (`Arc`): cloning the tree is O(1), and a change copies only the nodes
//! on its path that another clone still holds (a node held by this tree alone is changed
//! in place), so a ledger published to readers shares all but a few paths with the one the
//! writer goes on changing.

use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

/// What each member counts for; summed over subtrees.
pub(super) trait Count: Copy + Default + PartialEq + fmt::Debug {
    fn plus(self, other: Self) -> Self;
}

/// A persistent ordered set of keys, each with its count.
pub(super) struct Tree<K, C> {
    root: Link<K, C>,
}

type Link<K, C> = Option<Arc<Node<K, C>>>;

#[derive(Clone)]
struct Node<K, C> {
    key: K,
    own: C,
    /// `own` plus the sums of both subtrees.
    sum: C,
    /// The members of this subtree.
    len: u32,
    height: u8,
    left: Link<K, C>,
    right: Link<K, C>,
}

fn len<K, C>(link: &Link<K, C>) -> u32 {
    link.as_ref().map_or(0, |node| node.len)
}

fn height<K, C>(link: &Link<K, C>) -> u8 {
    link.as_ref().map_or(0, |node| node.height)
}

impl<K, C: Count> Node<K, C> {
    fn leaf(key: K, own: C) -> Self {
        Node {
            key,
            own,
            sum: own,
            len: 1,
            height: 1,
            left: None,
            right: None,
        }
    }

    /// Recomputes what the node says of its subtree from its children.
    fn update(&mut self) {
        let mut sum = self.own;
        for child in [&self.left, &self.right].into_iter().flatten() {
            sum = sum.plus(child.sum);
        }
        self.sum = sum;
        self.len = 1 + len(&self.left) + len(&self.right);
        self.height = 1 + height(&self.left).max(height(&self.right));
    }
}

impl<K: Ord + Clone, C: Count> Tree<K, C> {
    pub(super) fn new() -> Self {
        Tree { root: None }
    }

    pub(super) fn len(&self) -> usize {
        len(&self.root) as usize
    }

    /// The sum of every member's count.
    pub(super) fn sum(&self) -> C {
        self.root.as_ref().map_or_else(C::default, |node| node.sum)
    }

    /// Adds `key` with its count, or gives an existing key this count.
    pub(super) fn insert(&mut self, key: K, own: C) {
        insert(&mut self.root, key, own);
    }

    /// Removes `key`; whether it was there.
    pub(super) fn remove(&mut self, key: &K) -> bool {
        remove(&mut self.root, key)
    }

    /// How many members come before `key`, and the sum of their counts (`key` itself
    /// need not be a member).
    pub(super) fn before(&self, key: &K) -> (usize, C) {
        let mut members = 0;
        let mut sum = C::default();
        let mut link = &self.root;
        while let Some(node) = link {
            match key.cmp(&node.key) {
                Ordering::Less => link = &node.left,
                Ordering::Equal => {
                    if let Some(left) = &node.left {
                        members += left.len;
                        sum = sum.plus(left.sum);
                    }
                    break;
                }
                Ordering::Greater => {
                    if let Some(left) = &node.left {
                        members += left.len;
                        sum = sum.plus(left.sum);
                    }
                    members += 1;
                    sum = sum.plus(node.own);
                    link = &node.right;
                }
            }
        }
        (members as usize, sum)
    }

    /// The first member whose count `has` something, where `has` of a sum says whether
    /// any member summed in it does (e.g. "counts a member who would take mode M").
    pub(super) fn first_where(&self, has: impl Fn(&C) -> bool) -> Option<&K> {
        let mut node = self.root.as_deref().filter(|root| has(&root.sum))?;
        loop {
            match &node.left {
                Some(left) if has(&left.sum) => node = left.as_ref(),
                _ if has(&node.own) => return Some(&node.key),
                _ => node = node.right.as_deref().filter(|right| has(&right.sum))?,
            }
        }
    }

    /// The members in order, each with its count.
    pub(super) fn iter(&self) -> Iter<'_, K, C> {
        self.iter_from(0)
    }

    /// The members in order from the one at `index` (0-based) on.
    pub(super) fn iter_from(&self, index: usize) -> Iter<'_, K, C> {
        let mut stack = Vec::with_capacity(height(&self.root) as usize);
        let mut index = index;
        let mut link = self.root.as_deref();
        // Keep the nodes still to come on the path down to the one at `index`: those the
        // path passes on their left, and that one itself.
        while let Some(node) = link {
            let left = len(&node.left) as usize;
            match index.cmp(&left) {
                Ordering::Less => {
                    stack.push(node);
                    link = node.left.as_deref();
                }
                Ordering::Equal => {
                    stack.push(node);
                    break;
                }
                Ordering::Greater => {
                    index -= left + 1;
                    link = node.right.as_deref();
                }
            }
        }
        Iter { stack }
    }

    /// Whether both trees are one and the same, not merely equal.
    pub(super) fn ptr_eq(&self, other: &Self) -> bool {
        match (&self.root, &other.root) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

fn insert<K: Ord + Clone, C: Count>(link: &mut Link<K, C>, key: K, own: C) {
    match link {
        None => *link = Some(Arc::new(Node::leaf(key, own))),
        Some(node) => {
            let node = Arc::make_mut(node);
            match key.cmp(&node.key) {
                Ordering::Less => insert(&mut node.left, key, own),
                Ordering::Greater => insert(&mut node.right, key, own),
                Ordering::Equal => node.own = own,
            }
            node.update();
            rebalance(link);
        }
    }
}

fn remove<K: Ord + Clone, C: Count>(link: &mut Link<K, C>, key: &K) -> bool {
    let Some(node) = link else {
        return false;
    };
    let node = Arc::make_mut(node);
    match key.cmp(&node.key) {
        Ordering::Less => {
            if !remove(&mut node.left, key) {
                return false;
            }
        }
        Ordering::Greater => {
            if !remove(&mut node.right, key) {
                return false;
            }
        }
        Ordering::Equal => {
            if node.right.is_none() {
                *link = node.left.take();
                return true;
            }
            // The next member takes this node's place.
            let (key, own) = take_first(&mut node.right);
            node.key = key;
            node.own = own;
        }
    }
    node.update();
    rebalance(link);
    true
}

/// Removes the first member of a non-empty subtree and gives it back.
fn take_first<K: Ord + Clone, C: Count>(link: &mut Link<K, C>) -> (K, C) {
    let node = Arc::make_mut(link.as_mut().expect("a non-empty subtree"));
    if node.left.is_some() {
        let first = take_first(&mut node.left);
        node.update();
        rebalance(link);
        first
    } else {
        let right = node.right.take();
        let first = std::mem::replace(link, right).expect("a non-empty subtree");
        let first = Arc::unwrap_or_clone(first);
        (first.key, first.own)
    }
}

/// Restores the AVL balance (subtree heights differ by at most one) at a node whose
/// children are balanced and differ by at most two.
fn rebalance<K: Clone, C: Count>(link: &mut Link<K, C>) {
    let Some(node) = link else {
        return;
    };
    let (left, right) = (height(&node.left), height(&node.right));
    if left > right + 1 {
        let node = Arc::make_mut(node);
        let child = node.left.as_ref().expect("the higher side");
        if height(&child.left) < height(&child.right) {
            rotate_left(&mut node.left);
        }
        rotate_right(link);
    } else if right > left + 1 {
        let node = Arc::make_mut(node);
        let child = node.right.as_ref().expect("the higher side");
        if height(&child.right) < height(&child.left) {
            rotate_right(&mut node.right);
        }
        rotate_left(link);
    }
}

/// `(a x b) y c` becomes `a x (b y c)`.
fn rotate_right<K: Clone, C: Count>(link: &mut Link<K, C>) {
    let mut top = link.take().expect("a node to rotate");
    let y = Arc::make_mut(&mut top);
    let mut left = y.left.take().expect("a left child to rotate up");
    let x = Arc::make_mut(&mut left);
    y.left = x.right.take();
    y.update();
    x.right = Some(top);
    x.update();
    *link = Some(left);
}

/// `a x (b y c)` becomes `(a x b) y c`.
fn rotate_left<K: Clone, C: Count>(link: &mut Link<K, C>) {
    let mut top = link.take().expect("a node to rotate");
    let x = Arc::make_mut(&mut top);
    let mut right = x.right.take().expect("a right child to rotate up");
    let y = Arc::make_mut(&mut right);
    x.right = y.left.take();
    x.update();
    y.left = Some(top);
    y.update();
    *link = Some(right);
}

/// The members of a [`Tree`] in order, each with its count.
pub(super) struct Iter<'a, K, C> {
    /// The nodes still to come whose right subtrees are not yet entered, next on top.
    stack: Vec<&'a Node<K, C>>,
}

impl<'a, K, C: Copy> Iterator for Iter<'a, K, C> {
    type Item = (&'a K, C);

    fn next(&mut self) -> Option<Self::Item> {
        let node = self.stack.pop()?;
        let mut link = node.right.as_deref();
        while let Some(next) = link {
            self.stack.push(next);
            link = next.left.as_deref();
        }
        Some((&node.key, node.own))
    }
}

impl<K, C> Clone for Tree<K, C> {
    fn clone(&self) -> Self {
        Tree {
            root: self.root.clone(),
        }
    }
}

impl<K: Ord + Clone, C: Count> Default for Tree<K, C> {
    fn default() -> Self {
        Tree::new()
    }
}

/// Equal members with equal counts, whatever the shape of the trees.
impl<K: Ord + Clone, C: Count> PartialEq for Tree<K, C> {
    fn eq(&self, other: &Self) -> bool {
        self.ptr_eq(other) || (self.len() == other.len() && self.iter().eq(other.iter()))
    }
}

impl<K: Ord + Clone + fmt::Debug, C: Count> fmt::Debug for Tree<K, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests;
