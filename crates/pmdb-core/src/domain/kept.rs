//! How a rule kept typed (why a status is what it is) is written out: as its words where
//! people and scripts read it (JSON, CSV), typed where sign-off keeps it, and read back
//! from either, since sign-offs made before pmdb kept rules typed froze their words.

use serde::{Deserialize, Deserializer, Serializer};

/// For `#[serde(serialize_with)]`: a value written as its words.
pub fn as_words<T: std::fmt::Display, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// As `as_words`, for a value that may be absent (null).
pub fn as_words_opt<T: std::fmt::Display, S: Serializer>(
    value: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

/// A rule as sign-off keeps it, typed, or, from a sign-off made before pmdb kept it typed,
/// its words, which `frozen` keeps as they were. Read by what the stored JSON holds (a map
/// or a string is typed; a string that is no rule's name is words), never through serde's
/// untagged buffering, which copied every frozen judgement once more on each read.
pub fn typed_or_words<'de, D, T>(d: D, frozen: impl FnOnce(String) -> T) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    use serde::de::value::{MapAccessDeserializer, StrDeserializer};
    use serde::de::{Error, MapAccess, Visitor};

    struct Kept<T, F>(F, std::marker::PhantomData<T>);

    impl<'de, T: Deserialize<'de>, F: FnOnce(String) -> T> Visitor<'de> for Kept<T, F> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a rule, typed or in words")
        }

        fn visit_str<E: Error>(self, words: &str) -> Result<T, E> {
            // A rule without fields is typed as its name; any other text is words.
            match T::deserialize(StrDeserializer::<E>::new(words)) {
                Ok(rule) => Ok(rule),
                Err(_) => Ok((self.0)(words.to_string())),
            }
        }

        fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<T, M::Error> {
            T::deserialize(MapAccessDeserializer::new(map))
        }
    }

    d.deserialize_any(Kept(frozen, std::marker::PhantomData))
}

/// `shown` (a judgement or an assessment as written out, its rule in words) with the
/// fields named in `typed` written typed instead: what sign-off stores.
pub fn typed_json<T: serde::Serialize>(
    shown: &T,
    typed: Vec<(&str, serde_json::Value)>,
) -> serde_json::Result<String> {
    let mut kept = serde_json::to_value(shown)?;
    for (field, value) in typed {
        kept[field] = value;
    }
    serde_json::to_string(&kept)
}

/// `shown` with its `rule` field typed: a delivery judgement as sign-off stores it.
pub fn with_typed_rule<T: serde::Serialize, R: serde::Serialize>(
    shown: &T,
    rule: &R,
) -> serde_json::Result<String> {
    typed_json(shown, vec![("rule", serde_json::to_value(rule)?)])
}
