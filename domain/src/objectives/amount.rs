//! Fixed-point decimal amounts for key results (baselines, targets, values).
//!
//! Floating point has no place in the state: the same command must give the
//! same bytes on the server and in every browser, and `0.1 + 0.2` must not
//! turn into `0.30000000000000004` in a JSON snapshot. An [`Amount`] is a
//! whole number of thousandths, written on the wire as a decimal string
//! (`"12.5"`, `"-3"`, `"1200"`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A decimal number with up to three decimals, such as `"12.5"` or `"1200"`,
/// between −999 999 999 999.999 and 999 999 999 999.999.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(i64);

/// Why a text is not an [`Amount`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AmountProblem {
    /// Nothing was written.
    Empty,
    /// Not a plain decimal number (`"12.5"`, `"-3"`); exponents, a plus sign,
    /// spaces, thousands separators and a decimal comma are refused.
    NotANumber,
    /// More than [`Amount::DECIMALS`] digits after the point.
    TooManyDecimals,
    /// Larger in magnitude than [`Amount::MAX`].
    OutOfRange,
}

impl fmt::Display for AmountProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AmountProblem::Empty => "is empty",
            AmountProblem::NotANumber => "is not a decimal number like 12.5",
            AmountProblem::TooManyDecimals => "has more than 3 decimals",
            AmountProblem::OutOfRange => "is out of range",
        })
    }
}

impl Amount {
    /// Digits kept after the decimal point.
    pub const DECIMALS: u32 = 3;
    /// Thousandths in one unit.
    pub const SCALE: i64 = 1_000;
    /// The largest amount; its negation is the smallest. Kept far below
    /// `i64::MAX` so that differences of two amounts never overflow.
    pub const MAX: Amount = Amount(999_999_999_999_999);
    /// Zero.
    pub const ZERO: Amount = Amount(0);

    /// The amount of `thousandths` thousandths, if within range.
    pub const fn from_thousandths(thousandths: i64) -> Option<Amount> {
        if thousandths > Self::MAX.0 || thousandths < -Self::MAX.0 {
            None
        } else {
            Some(Amount(thousandths))
        }
    }

    /// The whole number `units`, if within range.
    pub fn from_units(units: i64) -> Option<Amount> {
        units
            .checked_mul(Self::SCALE)
            .and_then(Self::from_thousandths)
    }

    /// The value in thousandths.
    pub const fn thousandths(self) -> i64 {
        self.0
    }

    /// Reads a plain decimal (`"12.5"`, `"-0.125"`, `"1200"`): an optional
    /// minus sign, digits, and optionally a point followed by one to three
    /// digits. Anything else is refused with the reason, so a form can say
    /// what is wrong.
    pub fn parse(text: &str) -> Result<Amount, AmountProblem> {
        if text.is_empty() {
            return Err(AmountProblem::Empty);
        }
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = match rest.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (rest, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
            return Err(AmountProblem::NotANumber);
        }
        let fraction = fraction.unwrap_or("");
        if fraction.len() > Self::DECIMALS as usize {
            return Err(AmountProblem::TooManyDecimals);
        }
        // Leading zeros do not count towards the magnitude.
        let whole = whole.trim_start_matches('0');
        if whole.len() > 12 {
            return Err(AmountProblem::OutOfRange);
        }
        let whole_value: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| AmountProblem::NotANumber)?
        };
        let mut fraction_value: i64 = 0;
        for i in 0..Self::DECIMALS as usize {
            let digit = fraction
                .as_bytes()
                .get(i)
                .map_or(0, |b| i64::from(b - b'0'));
            fraction_value = fraction_value * 10 + digit;
        }
        let magnitude = whole_value * Self::SCALE + fraction_value;
        let value = if negative { -magnitude } else { magnitude };
        Amount::from_thousandths(value).ok_or(AmountProblem::OutOfRange)
    }
}

impl fmt::Display for Amount {
    /// The shortest plain decimal: `"12.5"`, `"1200"`, `"-0.125"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = self.0.unsigned_abs();
        let whole = magnitude / Self::SCALE as u64;
        let fraction = magnitude % Self::SCALE as u64;
        if fraction == 0 {
            write!(f, "{sign}{whole}")
        } else {
            let digits = format!("{fraction:03}");
            write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl FromStr for Amount {
    type Err = AmountProblem;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Amount::parse(text)
    }
}

/// On the wire an amount is a decimal string such as `"12.5"`.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^-?[0-9]{1,12}(\\.[0-9]{1,3})?$",
            "description": "A decimal number as text, at most 3 decimals, e.g. \"12.5\""
        })
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Amount;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal number as a string, like \"12.5\"")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Amount, E> {
                Amount::parse(text)
                    .map_err(|problem| E::custom(format!("amount {text:?} {problem}")))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(text: &str) -> Amount {
        Amount::parse(text).expect("valid amount")
    }

    #[test]
    fn parses_plain_decimals_and_prints_them_back_shortest() {
        assert_eq!(a("12.5").thousandths(), 12_500);
        assert_eq!(a("-0.125").thousandths(), -125);
        assert_eq!(a("1200").thousandths(), 1_200_000);
        assert_eq!(a("007.50").to_string(), "7.5");
        assert_eq!(a("-0").to_string(), "0");
        assert_eq!(a("1200.000").to_string(), "1200");
        assert_eq!(a("0.001").to_string(), "0.001");
        assert_eq!(a("-3.02").to_string(), "-3.02");
        assert_eq!(Amount::MAX.to_string(), "999999999999.999");
        assert_eq!(a("-999999999999.999"), Amount(-Amount::MAX.0));
    }

    #[test]
    fn refuses_anything_else_with_the_reason() {
        assert_eq!(Amount::parse(""), Err(AmountProblem::Empty));
        for bad in [
            "-", "+1", " 1", "1 ", "1,5", "1.", ".5", "1e3", "1.2.3", "abc", "--1", "1_000", "NaN",
        ] {
            assert_eq!(Amount::parse(bad), Err(AmountProblem::NotANumber), "{bad}");
        }
        assert_eq!(Amount::parse("1.2345"), Err(AmountProblem::TooManyDecimals));
        assert_eq!(
            Amount::parse("1000000000000"),
            Err(AmountProblem::OutOfRange)
        );
        assert_eq!(
            Amount::parse("99999999999999999999999"),
            Err(AmountProblem::OutOfRange)
        );
        assert!(Amount::parse("000000000000001").is_ok());
    }

    #[test]
    fn travels_as_a_json_string_and_refuses_numbers() {
        assert_eq!(serde_json::to_string(&a("12.5")).expect("json"), "\"12.5\"");
        assert_eq!(
            serde_json::from_str::<Amount>("\"0.25\"").expect("parses"),
            a("0.25")
        );
        let error = serde_json::from_str::<Amount>("12.5").expect_err("a number is refused");
        assert!(error.to_string().contains("decimal number as a string"));
        let error = serde_json::from_str::<Amount>("\"1,5\"").expect_err("comma refused");
        assert!(error.to_string().contains("\"1,5\""), "{error}");
    }
}
