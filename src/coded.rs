//! Enums written as fixed codes in files, storage and the page (`lt`, `tally`,
//! `true-false`…): one table per enum gives `ALL`, `code()` and `from_code()`, so a
//! code and its variant cannot drift apart.

/// Declares an enum with a code per variant:
///
/// ```text
/// coded! {
///     /// Doc.
///     #[derive(Clone, Copy, Debug, PartialEq, Eq)]
///     pub enum Mode { Shared = "shared", Codes = "codes" }
/// }
/// ```
///
/// gives `Mode::ALL` (in the order written), `Mode::code(self)` and
/// `Mode::from_code(&str) -> Option<Mode>`, and serde reads and writes it as its code.
macro_rules! coded {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every variant, in the order declared.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The variant's fixed code.
            pub fn code(self) -> &'static str {
                match self {
                    $( $name::$variant => $code ),+
                }
            }

            /// The variant with exactly this code.
            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $( $code => Some($name::$variant), )+
                    _ => None,
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                let code = <::std::string::String as serde::Deserialize>::deserialize(d)?;
                $name::from_code(&code).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "unknown {} {code:?}",
                        stringify!($name)
                    ))
                })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    coded! {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum Colour { Red = "red", DeepBlue = "deep-blue" }
    }

    #[test]
    fn codes_round_trip() {
        assert_eq!(Colour::ALL, [Colour::Red, Colour::DeepBlue]);
        for c in Colour::ALL {
            assert_eq!(Colour::from_code(c.code()), Some(c));
        }
        assert_eq!(Colour::DeepBlue.code(), "deep-blue");
        assert_eq!(Colour::from_code("Red"), None, "codes are exact");
        assert_eq!(
            serde_json::to_string(&Colour::DeepBlue).unwrap(),
            "\"deep-blue\""
        );
        assert_eq!(
            serde_json::from_str::<Colour>("\"deep-blue\"").unwrap(),
            Colour::DeepBlue
        );
        let e = serde_json::from_str::<Colour>("\"DeepBlue\"").unwrap_err();
        assert!(e.to_string().contains("unknown Colour \"DeepBlue\""), "{e}");
    }
}
