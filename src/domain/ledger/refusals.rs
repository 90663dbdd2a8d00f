//! Why the ledger (or the engine, reading a registration's state) refuses an operation:
//! data, so each audience words it in its own language. The English of `Display` is for
//! logs and the audit trail.

use crate::domain::{Mode, Status};

/// Why an operation was refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("this registration is not active")]
    NotActive,
    #[error("no {mode} seat is free", mode = mode_word(*.0))]
    NoSeat(Mode),
    #[error("the event has already started")]
    Started,
    #[error("registration for this event has not opened")]
    NotOpen,
    #[error("registration for this event is closed")]
    Closed,
    #[error("only {free} {mode} seat(s) are free for {wanted} invitation(s)", mode = .mode.as_str())]
    TooFewSeats {
        mode: Mode,
        free: u32,
        wanted: usize,
    },
    #[error("{0}")]
    NotAllowed(Reason),
}

/// What in a registration's state forbids the operation asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Reason {
    #[error("the offer is for {} seat", seat_of(*.0))]
    OfferIsFor(Mode),
    #[error("the seat is already confirmed")]
    AlreadyConfirmed,
    #[error("no seat has been offered yet")]
    NothingOffered,
    #[error("there is no invitation or offer to decline")]
    NothingToDecline,
    #[error("{} seats are given by the organizers for now: you can wait for one", mode_word(*.0))]
    GivenByOrganizers(Mode),
    #[error("others are waiting for {} seat", seat_of(*.0))]
    OthersWaiting(Mode),
    #[error("only a confirmed seat can be switched")]
    SwitchNeedsSeat,
    #[error("the seat is already {}", .0.label())]
    AlreadyIn(Mode),
    #[error("only a confirmed participant can wait for the other mode")]
    WaitNeedsSeat,
    #[error("already waiting for that mode")]
    AlreadyWaiting,
    #[error("not waiting for the other mode")]
    NotWaiting,
    #[error("only a person waiting for an in-person seat can attend virtually meanwhile")]
    AttendVirtuallyNeedsLine,
    #[error("virtual registration is not open")]
    VirtualNotOpen,
    #[error("the deadline must be in the future")]
    DeadlinePast,
    #[error("only a confirmed in-person participant is asked to reconfirm")]
    ReconfirmNeedsSeat,
    #[error("nothing is waiting for a reconfirmation")]
    NothingToReconfirm,
    #[error("only an entry waiting in line can be promoted")]
    PromoteNeedsLine,
    #[error("only an invitation, an offer or a pending reconfirmation has a deadline")]
    NoDeadline,
    #[error("only an entry waiting in line has a priority")]
    PriorityNeedsLine,
    #[error("the deadline to answer has passed")]
    Lapsed,
    #[error("the email address is not confirmed yet")]
    EmailNotConfirmed,
    #[error("this registration has ended")]
    Ended,
    #[error("only a confirmed participant can be checked in; this registration is {0}")]
    CheckInNeedsSeat(Status),
    #[error("only an open invitation or offer can be sent again")]
    NothingToSendAgain,
}

pub(super) fn mode_word(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "in-person",
        Mode::Virtual => "virtual",
    }
}

/// "an in-person", "a virtual".
fn seat_of(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "an in-person",
        Mode::Virtual => "a virtual",
    }
}

pub(super) fn not_allowed<T>(reason: Reason) -> Result<T, Refusal> {
    Err(Refusal::NotAllowed(reason))
}
