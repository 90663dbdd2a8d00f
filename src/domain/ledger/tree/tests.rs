//! The tree against a plain sorted `Vec` after random changes, with clones taken along the
//! way that must stay as they were when taken.

use proptest::prelude::*;

use super::*;

/// Two independent marks per member, like "waitlisted" and "would take mode M".
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Marks {
    a: u32,
    b: u32,
}

impl Count for Marks {
    fn plus(self, other: Self) -> Self {
        Marks {
            a: self.a + other.a,
            b: self.b + other.b,
        }
    }
}

fn marks(a: bool, b: bool) -> Marks {
    Marks {
        a: a as u32,
        b: b as u32,
    }
}

impl<K: Ord + Clone + fmt::Debug, C: Count> Tree<K, C> {
    /// Checks every node: keys in order, heights balanced, and its length, height and sum
    /// those of its subtree.
    pub(in crate::domain::ledger) fn assert_well_formed(&self) {
        check_node(&self.root, None, None);
    }
}

/// The length, height and sum of a subtree whose keys must lie strictly between `low`
/// and `high`.
fn check_node<K: Ord + fmt::Debug, C: Count>(
    link: &Link<K, C>,
    low: Option<&K>,
    high: Option<&K>,
) -> (u32, u8, C) {
    let Some(node) = link else {
        return (0, 0, C::default());
    };
    assert!(
        low.is_none_or(|low| *low < node.key),
        "{:?} out of order",
        node.key
    );
    assert!(
        high.is_none_or(|high| node.key < *high),
        "{:?} out of order",
        node.key
    );
    let (left_len, left_height, left_sum) = check_node(&node.left, low, Some(&node.key));
    let (right_len, right_height, right_sum) = check_node(&node.right, Some(&node.key), high);
    assert!(
        left_height.abs_diff(right_height) <= 1,
        "unbalanced at {:?}",
        node.key
    );
    assert_eq!(
        node.len,
        1 + left_len + right_len,
        "length at {:?}",
        node.key
    );
    assert_eq!(node.height, 1 + left_height.max(right_height), "height");
    assert_eq!(node.sum, node.own.plus(left_sum).plus(right_sum), "sum");
    (node.len, node.height, node.sum)
}

/// The same set as a sorted `Vec`.
type Plain = Vec<(u16, Marks)>;

fn plain_insert(plain: &mut Plain, key: u16, own: Marks) {
    match plain.binary_search_by_key(&key, |(k, _)| *k) {
        Ok(at) => plain[at].1 = own,
        Err(at) => plain.insert(at, (key, own)),
    }
}

fn plain_remove(plain: &mut Plain, key: u16) -> bool {
    match plain.binary_search_by_key(&key, |(k, _)| *k) {
        Ok(at) => {
            plain.remove(at);
            true
        }
        Err(_) => false,
    }
}

/// Every query of the tree answers as a walk over the plain set does.
fn assert_same(tree: &Tree<u16, Marks>, plain: &Plain) {
    tree.assert_well_formed();
    let members: Plain = tree.iter().map(|(k, c)| (*k, c)).collect();
    assert_eq!(&members, plain);
    assert_eq!(tree.len(), plain.len());
    let total = plain
        .iter()
        .fold(Marks::default(), |sum, (_, c)| sum.plus(*c));
    assert_eq!(tree.sum(), total);

    // Members and keys that are not members, each side of every member.
    let probes = plain
        .iter()
        .flat_map(|(k, _)| [k.saturating_sub(1), *k, k.saturating_add(1)]);
    for probe in probes.chain([0, u16::MAX]) {
        let ahead: Vec<&(u16, Marks)> = plain.iter().filter(|(k, _)| *k < probe).collect();
        let sum = ahead
            .iter()
            .fold(Marks::default(), |sum, (_, c)| sum.plus(*c));
        assert_eq!(tree.before(&probe), (ahead.len(), sum), "before {probe}");
    }

    let first = |has: fn(&Marks) -> bool| plain.iter().find(|(_, c)| has(c)).map(|(k, _)| k);
    let cases: [fn(&Marks) -> bool; 3] = [|c| c.a > 0, |c| c.b > 0, |c| c.a > 0 || c.b > 0];
    for has in cases {
        assert_eq!(tree.first_where(has), first(has));
    }

    for from in 0..=plain.len() + 1 {
        let rest: Plain = tree.iter_from(from).map(|(k, c)| (*k, c)).collect();
        assert_eq!(rest, plain.get(from..).unwrap_or_default(), "from {from}");
    }
}

#[derive(Debug, Clone)]
enum Op {
    Insert(u16, bool, bool),
    Remove(u16),
    /// Keeps a clone of the tree as it is now, to check at the end.
    Keep,
}

fn an_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0u16..80, any::<bool>(), any::<bool>()).prop_map(|(k, a, b)| Op::Insert(k, a, b)),
        4 => (0u16..80).prop_map(Op::Remove),
        1 => Just(Op::Keep),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_changes_answer_like_a_sorted_vec(ops in prop::collection::vec(an_op(), 1..200)) {
        let mut tree = Tree::new();
        let mut plain = Plain::new();
        let mut kept = Vec::new();
        for op in &ops {
            match *op {
                Op::Insert(key, a, b) => {
                    tree.insert(key, marks(a, b));
                    plain_insert(&mut plain, key, marks(a, b));
                }
                Op::Remove(key) => {
                    prop_assert_eq!(tree.remove(&key), plain_remove(&mut plain, key));
                }
                Op::Keep => kept.push((tree.clone(), plain.clone())),
            }
            assert_same(&tree, &plain);
        }
        // Changes made after a clone was taken left it as it was.
        for (tree, plain) in &kept {
            assert_same(tree, plain);
        }
    }
}

#[test]
fn keys_added_in_order_keep_the_tree_logarithmic() {
    let mut tree = Tree::new();
    for key in 0..10_000u32 {
        tree.insert(key, Marks::default());
    }
    tree.assert_well_formed();
    // An AVL tree of n members is at most about 1.44 log2(n) high.
    let height = height(&tree.root) as f64;
    assert!(height <= 1.45 * (10_000f64).log2() + 1.0, "height {height}");
    for key in (0..10_000u32).step_by(2) {
        assert!(tree.remove(&key));
    }
    tree.assert_well_formed();
    assert_eq!(tree.len(), 5_000);
    assert_eq!(tree.iter_from(2_500).next().map(|(k, _)| *k), Some(5_001));
}

#[test]
fn a_clone_shares_every_node_until_one_of_them_changes() {
    let mut tree = Tree::new();
    for key in 0..1_000u16 {
        tree.insert(key, marks(key % 2 == 0, key % 3 == 0));
    }
    let kept = tree.clone();
    assert!(kept.ptr_eq(&tree));

    tree.insert(5_000, marks(true, true));
    assert!(tree.remove(&10));
    assert!(!kept.ptr_eq(&tree));
    // Only the nodes on the two paths changed are new; every other node is shared.
    let old: std::collections::HashSet<*const Node<u16, Marks>> = nodes(&kept.root);
    let fresh = nodes(&tree.root).difference(&old).count();
    let paths = 2 * height(&tree.root).max(height(&kept.root)) as usize;
    assert!(fresh <= paths, "{fresh} new nodes for two paths of {paths}");

    let mut plain: Plain = (0..1_000u16)
        .map(|key| (key, marks(key % 2 == 0, key % 3 == 0)))
        .collect();
    assert_same(&kept, &plain);
    plain.retain(|(key, _)| *key != 10);
    plain.push((5_000, marks(true, true)));
    assert_same(&tree, &plain);
}

fn nodes<K, C>(link: &Link<K, C>) -> std::collections::HashSet<*const Node<K, C>> {
    let mut found = std::collections::HashSet::new();
    let mut stack: Vec<&Arc<Node<K, C>>> = link.iter().collect();
    while let Some(node) = stack.pop() {
        found.insert(Arc::as_ptr(node));
        stack.extend(node.left.iter().chain(node.right.iter()));
    }
    found
}
