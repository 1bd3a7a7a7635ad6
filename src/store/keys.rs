//! Key encoding for the sled trees: fixed-width big-endian bytes that sort in date order.
//!
//! A day's key is its day number since 1 January of year 1 (CE) with the sign bit flipped, so
//! that sled's byte order equals calendar order for every date chrono can represent, BCE
//! included. A week's key is its ISO year the same way, then the week number.

use chrono::{Datelike, NaiveDate};

use crate::model::WeekId;

const SIGN_FLIP: u32 = 0x8000_0000;

/// The 4-byte key of a day.
pub fn day_key(date: NaiveDate) -> [u8; 4] {
    ((date.num_days_from_ce() as u32) ^ SIGN_FLIP).to_be_bytes()
}

/// The date a day key stands for, if `key` is one.
pub fn date_from_key(key: &[u8]) -> Option<NaiveDate> {
    let bytes: [u8; 4] = key.try_into().ok()?;
    let days = (u32::from_be_bytes(bytes) ^ SIGN_FLIP) as i32;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// The 5-byte key of an ISO week.
pub fn week_key(week: WeekId) -> [u8; 5] {
    let year = ((week.year() as u32) ^ SIGN_FLIP).to_be_bytes();
    // ISO week numbers are 1..=53.
    [year[0], year[1], year[2], year[3], week.week() as u8]
}

/// The week a week key stands for, if `key` is one.
pub fn week_from_key(key: &[u8]) -> Option<WeekId> {
    let bytes: [u8; 5] = key.try_into().ok()?;
    let year = (u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) ^ SIGN_FLIP) as i32;
    WeekId::new(year, u32::from(bytes[4]))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        let min = NaiveDate::MIN.num_days_from_ce();
        let max = NaiveDate::MAX.num_days_from_ce();
        (min..=max).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap())
    }

    proptest! {
        #[test]
        fn key_order_is_date_order(a in any_date(), b in any_date()) {
            prop_assert_eq!(a.cmp(&b), day_key(a).cmp(&day_key(b)));
        }

        #[test]
        fn day_keys_round_trip(a in any_date()) {
            prop_assert_eq!(date_from_key(&day_key(a)), Some(a));
        }

        #[test]
        fn week_key_order_is_week_order(a in any_date(), b in any_date()) {
            let (wa, wb) = (WeekId::of(a), WeekId::of(b));
            prop_assert_eq!(wa.cmp(&wb), week_key(wa).cmp(&week_key(wb)));
            prop_assert_eq!(week_from_key(&week_key(wa)), Some(wa));
        }
    }

    #[test]
    fn neighbouring_days_across_year_and_era_boundaries_sort() {
        let pairs = [
            (
                NaiveDate::from_ymd_opt(2026, 12, 31),
                NaiveDate::from_ymd_opt(2027, 1, 1),
            ),
            (
                NaiveDate::from_ymd_opt(0, 12, 31),
                NaiveDate::from_ymd_opt(1, 1, 1),
            ),
            (
                NaiveDate::from_ymd_opt(-1, 1, 1),
                NaiveDate::from_ymd_opt(0, 1, 1),
            ),
        ];
        for (a, b) in pairs {
            let (a, b) = (a.unwrap(), b.unwrap());
            assert!(day_key(a) < day_key(b), "{a} {b}");
        }
    }

    #[test]
    fn malformed_keys_are_not_dates() {
        assert_eq!(date_from_key(b"abc"), None);
        assert_eq!(week_from_key(&[0x80, 0, 0x07, 0xEA, 54]), None);
    }
}
