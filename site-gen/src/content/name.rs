//! Languages, tags, categories and authors: short texts that many
//! articles share, held once however many articles name them, since a
//! million articles would otherwise hold millions of copies.

use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name(Arc<str>);

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<String> for Name {
    fn from(text: String) -> Self {
        Self(text.into())
    }
}

impl From<&str> for Name {
    fn from(text: &str) -> Self {
        Self(text.into())
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Every name met so far, so that equal names share one copy.
#[derive(Default)]
pub struct Names(HashSet<Name>);

impl Names {
    /// `name`, as the copy already held when there is one.
    pub fn share(&mut self, name: &mut Name) {
        match self.0.get(&**name) {
            Some(held) => *name = held.clone(),
            None => {
                self.0.insert(name.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_names_end_up_as_one_copy() {
        let mut names = Names::default();
        let mut first = Name::from("sea".to_string());
        let mut second = Name::from("sea".to_string());
        let mut other = Name::from("ports");
        assert!(!Arc::ptr_eq(&first.0, &second.0));
        for name in [&mut first, &mut second, &mut other] {
            names.share(name);
        }
        assert!(Arc::ptr_eq(&first.0, &second.0));
        assert_eq!(second, "sea");
        assert_eq!(other, "ports");
        assert_eq!(serde_json::to_string(&second).unwrap(), "\"sea\"");
    }
}
