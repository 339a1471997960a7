// {{ marker }}
// catalogue version {{ version }}
//! The enhanced status code type (RFC 3463): `class.subject.detail`.

use crate::info::EnhancedInfo;
use core::fmt;
use core::str::FromStr;

/// An enhanced status code such as `5.7.26`.
///
/// Any well-formed code is a value, registered or not; [`EnhancedCode::info`] tells what the registry says.
///
/// ```
/// use smtp_codes::{EnhancedClass, EnhancedCode};
///
/// let code: EnhancedCode = "5.1.1".parse().unwrap();
/// assert_eq!(code, EnhancedCode::PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS);
/// assert_eq!(code.class(), EnhancedClass::PermanentFailure);
/// assert_eq!(code.info().unwrap().reason, "userunknown");
/// assert!("5.01.1".parse::<EnhancedCode>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnhancedCode {
    class: u8,
    subject: u16,
    detail: u16,
}

/// The class digit of an enhanced code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnhancedClass {
    /// 2: success.
    Success,
    /// 4: a failure that may clear up.
    PersistentTransientFailure,
    /// 5: a failure that will not go away by retrying.
    PermanentFailure,
}

/// The error for text that is not `class.subject.detail` (RFC 3463 section 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseEnhancedCodeError {
    _private: (),
}

impl fmt::Display for ParseEnhancedCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid enhanced status code: expected class.subject.detail such as 5.7.26")
    }
}

impl EnhancedCode {
    /// Builds a code from its parts; callers pass class 2, 4 or 5 and numbers below 1000.
    pub const fn new(class: u8, subject: u16, detail: u16) -> EnhancedCode {
        EnhancedCode { class, subject, detail }
    }

    /// The class digit: 2, 4 or 5.
    pub const fn class_digit(self) -> u8 {
        self.class
    }

    /// The class.
    pub const fn class(self) -> EnhancedClass {
        match self.class {
            2 => EnhancedClass::Success,
            4 => EnhancedClass::PersistentTransientFailure,
            _ => EnhancedClass::PermanentFailure,
        }
    }

    /// The subject number.
    pub const fn subject(self) -> u16 {
        self.subject
    }

    /// The detail number.
    pub const fn detail(self) -> u16 {
        self.detail
    }

    /// The registry's facts for `X.subject.detail`, when the registry lists it.
    pub fn info(self) -> Option<&'static EnhancedInfo> {
        let table = crate::tables::ENHANCED;
        let key = (self.subject, self.detail);
        table.binary_search_by_key(&key, |e| (e.subject, e.detail)).ok().map(|i| &table[i])
    }

    /// Parses the bytes of `class.subject.detail`: class 2, 4 or 5; subject and detail 1 to 3 digits, no leading
    /// zeros; nothing before or after.
    pub fn parse_bytes(bytes: &[u8]) -> Result<EnhancedCode, ParseEnhancedCodeError> {
        let error = ParseEnhancedCodeError { _private: () };
        let mut parts = bytes.split(|&b| b == b'.');
        let (Some(class), Some(subject), Some(detail), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(error);
        };
        let class = match class {
            b"2" => 2,
            b"4" => 4,
            b"5" => 5,
            _ => return Err(error),
        };
        match (number(subject), number(detail)) {
            (Some(subject), Some(detail)) => Ok(EnhancedCode { class, subject, detail }),
            _ => Err(error),
        }
    }
}

/// 1 to 3 digits without a leading zero.
fn number(bytes: &[u8]) -> Option<u16> {
    let valid = (1..=3).contains(&bytes.len())
        && bytes.iter().all(u8::is_ascii_digit)
        && !(bytes.len() > 1 && bytes[0] == b'0');
    valid.then(|| bytes.iter().fold(0u16, |n, b| n * 10 + u16::from(b - b'0')))
}

impl FromStr for EnhancedCode {
    type Err = ParseEnhancedCodeError;

    fn from_str(text: &str) -> Result<EnhancedCode, ParseEnhancedCodeError> {
        EnhancedCode::parse_bytes(text.as_bytes())
    }
}

/// Writes `5.7.26`.
impl fmt::Display for EnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

impl fmt::Debug for EnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EnhancedCode({self})")
    }
}

impl TryFrom<&str> for EnhancedCode {
    type Error = ParseEnhancedCodeError;

    fn try_from(text: &str) -> Result<EnhancedCode, ParseEnhancedCodeError> {
        text.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registry_entry_is_found_in_each_of_its_classes() {
        for info in crate::tables::ENHANCED {
            for &class in info.classes {
                assert_eq!(EnhancedCode::new(class, info.subject, info.detail).info(), Some(info));
            }
        }
    }

    #[test]
    fn grammar_is_strict() {
        assert_eq!("4.2.2".parse(), Ok(EnhancedCode::new(4, 2, 2)));
        assert_eq!("5.999.999".parse(), Ok(EnhancedCode::new(5, 999, 999)));
        for bad in ["", "5", "5.1", "5.1.1.1", "3.1.1", "X.1.1", "5.01.1", "5.1.1000", "5.1.1 ", "5..1", "5.1.-1"] {
            assert!(bad.parse::<EnhancedCode>().is_err(), "{bad}");
        }
    }
}
