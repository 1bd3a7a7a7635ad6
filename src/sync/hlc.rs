//! Hybrid logical clocks: a timestamp that follows the wall clock when it can and never goes
//! backwards, and that is always later than every timestamp this device has seen from the
//! others. Two edits of which one saw the other are ordered by that (the DAG in `history`); two
//! concurrent edits of a rating or a setting are ordered by their timestamps, then by device id.
//! A device whose clock is hours wrong still orders after what it has read, so its edits never
//! land "before" the ones they answer.

use serde::{Deserialize, Serialize};

/// A hybrid logical timestamp: milliseconds of the wall clock, then a counter for events within
/// one millisecond (or while the wall clock stands behind what was seen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Hlc {
    pub wall_ms: u64,
    pub counter: u32,
}

impl Hlc {
    pub const ZERO: Hlc = Hlc {
        wall_ms: 0,
        counter: 0,
    };

    /// The smallest timestamp after `self`.
    fn next(self) -> Hlc {
        match self.counter.checked_add(1) {
            Some(counter) => Hlc {
                wall_ms: self.wall_ms,
                counter,
            },
            None => Hlc {
                wall_ms: self.wall_ms.saturating_add(1),
                counter: 0,
            },
        }
    }
}

/// One device's clock: the last timestamp it gave or saw. The time is always an input (the
/// caller's one reading of the clock for the action); the core never reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    last: Hlc,
}

impl Clock {
    pub fn new(last: Hlc) -> Clock {
        Clock { last }
    }

    pub fn last(&self) -> Hlc {
        self.last
    }

    /// A timestamp for a local event at wall time `now_ms`: later than everything before.
    pub fn tick(&mut self, now_ms: u64) -> Hlc {
        self.last = if now_ms > self.last.wall_ms {
            Hlc {
                wall_ms: now_ms,
                counter: 0,
            }
        } else {
            self.last.next()
        };
        self.last
    }

    /// Takes in a timestamp read from another device, so the next local one comes after it.
    pub fn observe(&mut self, seen: Hlc) {
        if seen > self.last {
            self.last = seen;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_follow_the_wall_clock_and_never_go_back() {
        let mut clock = Clock::new(Hlc::ZERO);
        let a = clock.tick(1_000);
        assert_eq!(
            a,
            Hlc {
                wall_ms: 1_000,
                counter: 0
            }
        );
        // The same millisecond, then a wall clock set back: the counter moves on.
        let b = clock.tick(1_000);
        let c = clock.tick(400);
        assert!(a < b && b < c, "{a:?} {b:?} {c:?}");
        assert_eq!(
            c,
            Hlc {
                wall_ms: 1_000,
                counter: 2
            }
        );
        assert_eq!(
            clock.tick(2_000),
            Hlc {
                wall_ms: 2_000,
                counter: 0
            }
        );
    }

    #[test]
    fn what_was_seen_from_a_clock_hours_ahead_orders_before_the_next_local_event() {
        let mut slow = Clock::new(Hlc::ZERO);
        slow.tick(1_000);
        let ahead = Hlc {
            wall_ms: 1_000 + 5 * 3_600_000,
            counter: 7,
        };
        slow.observe(ahead);
        let answer = slow.tick(1_500);
        assert!(answer > ahead, "{answer:?}");
        // An older timestamp seen late changes nothing.
        slow.observe(Hlc {
            wall_ms: 10,
            counter: 0,
        });
        assert!(slow.tick(1_600) > answer);
    }

    #[test]
    fn the_counter_rolls_into_the_next_millisecond() {
        let mut clock = Clock::new(Hlc {
            wall_ms: 5,
            counter: u32::MAX,
        });
        assert_eq!(
            clock.tick(1),
            Hlc {
                wall_ms: 6,
                counter: 0
            }
        );
    }
}
