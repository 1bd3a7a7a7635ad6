//! `wire_enum!`: an enum of the core whose variants each have one name on the wire (in JSON,
//! on the command line, in the page's TypeScript), written once, in its declaration. serde's
//! names, `as_str`, `Display`, `FromStr` (which the CLI parses with) and `ALL` all come from
//! that one list, and with the `ts` feature so does the TypeScript union the page checks
//! against. Nothing else in Keel spells these names.
//!
//! This module names nothing else of the core: every module can use it.

/// Declares `$name` with its variants' wire names. The caller adds its own doc and any further
/// derives (`#[derive(PartialOrd, Ord)]`, `#[derive(Default)]` with `#[default]`).
/// `$what` names the value in `FromStr`'s error ("a side is role, self or bridge, not …").
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        $vis enum $name {
            $($(#[$vmeta])* #[serde(rename = $wire)] $variant),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: [$name; <[&str]>::len(&[$($wire),+])] = [$($name::$variant),+];

            /// The wire name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            /// The variant whose wire name `s` is (surrounding space and case ignored).
            fn from_str(s: &str) -> Result<Self, String> {
                let wanted = s.trim().to_lowercase();
                $name::ALL
                    .into_iter()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| {
                        format!(
                            "{} is {}, not “{}”",
                            $what,
                            $crate::wire::one_of(&[$($wire),+]),
                            s.trim()
                        )
                    })
            }
        }
    };
}

pub(crate) use wire_enum;

/// "a, b or c".
pub(crate) fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    wire_enum! {
        /// A test enum.
        enum Tide ("a tide") {
            High = "high",
            Low = "low-water",
        }
    }

    #[test]
    fn one_list_gives_serde_as_str_display_and_from_str() {
        for tide in Tide::ALL {
            let json = serde_json::to_value(tide).unwrap();
            assert_eq!(json, serde_json::Value::from(tide.as_str()));
            assert_eq!(tide.to_string(), tide.as_str());
            assert_eq!(
                format!(" {} ", tide.as_str().to_uppercase()).parse(),
                Ok(tide)
            );
        }
        assert_eq!(Tide::ALL, [Tide::High, Tide::Low]);
        assert_eq!(
            "ebb".parse::<Tide>(),
            Err("a tide is high or low-water, not “ebb”".to_owned())
        );
    }
}
