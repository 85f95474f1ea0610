//! The JSON form of tagged enums, written once.
//!
//! On the wire an enum reads `{"type":"set_commute","person":…,"km":12}`
//! (internally tagged) or `{"kind":"person","id":…}` (adjacently tagged).
//! serde's derive can produce those shapes itself, but its deserializer
//! first buffers every value into a private `Content` tree and then reads
//! each variant from it: every type reachable from such an enum is compiled
//! twice, which in the browser build cost more WASM than all the rules
//! together. Here the derive makes the plain externally tagged form
//! (`{"set_commute":{…}}`) through `#[serde(remote = "Self")]`, and
//! [`flat_tagged!`] / [`adjacent_tagged!`] reshape it through a
//! `serde_json::Value`. Same JSON, one copy of the code.
//!
//! Use: replace `#[serde(tag = "type")]` by `#[serde(remote = "Self")]` and
//! call `crate::flat_tagged!(Type, "type");` next to the enum.
//!
//! Trap: on such a type, the path `Type::deserialize(d)` names the derive's
//! inherent function (the external form); callers who mean the wire form
//! write `<Type as Deserialize>::deserialize(d)` or use `serde_json`.

use serde_json::{Map, Value};

/// Turns `{"name":{fields…}}` or `"name"` into `{tag:"name", fields…}`.
pub fn flatten(tag: &str, external: Value) -> Result<Value, String> {
    match external {
        Value::String(name) => {
            let mut flat = Map::new();
            flat.insert(tag.to_owned(), Value::String(name));
            Ok(Value::Object(flat))
        }
        Value::Object(outer) => {
            let (name, inner) = single_entry(outer)?;
            let Value::Object(fields) = inner else {
                return Err(format!("variant {name} must hold named fields"));
            };
            if fields.contains_key(tag) {
                return Err(format!(
                    "variant {name} has a field named like the tag {tag:?}"
                ));
            }
            let mut flat = Map::new();
            flat.insert(tag.to_owned(), Value::String(name));
            flat.extend(fields);
            Ok(Value::Object(flat))
        }
        _ => Err("expected an enum".to_owned()),
    }
}

/// Splits `{tag:"name", fields…}` into the variant name and its fields.
pub fn unflatten(tag: &str, flat: Value) -> Result<(String, Map<String, Value>), String> {
    let Value::Object(mut fields) = flat else {
        return Err(format!("expected an object with a {tag:?} field"));
    };
    match fields.remove(tag) {
        Some(Value::String(name)) => Ok((name, fields)),
        Some(_) => Err(format!("the {tag:?} field must be a string")),
        None => Err(format!("missing field {tag:?}")),
    }
}

/// Turns `{"name":content}` or `"name"` into `{tag:"name", content_key:content}`.
pub fn to_adjacent(tag: &str, content_key: &str, external: Value) -> Result<Value, String> {
    let mut adjacent = Map::new();
    match external {
        Value::String(name) => {
            adjacent.insert(tag.to_owned(), Value::String(name));
        }
        Value::Object(outer) => {
            let (name, content) = single_entry(outer)?;
            adjacent.insert(tag.to_owned(), Value::String(name));
            adjacent.insert(content_key.to_owned(), content);
        }
        _ => return Err("expected an enum".to_owned()),
    }
    Ok(Value::Object(adjacent))
}

/// Turns `{tag:"name", content_key:content}` back into `{"name":content}`
/// (or `"name"` when there is no content).
pub fn from_adjacent(tag: &str, content_key: &str, adjacent: Value) -> Result<Value, String> {
    let Value::Object(mut fields) = adjacent else {
        return Err(format!("expected an object with a {tag:?} field"));
    };
    let name = match fields.remove(tag) {
        Some(Value::String(name)) => name,
        Some(_) => return Err(format!("the {tag:?} field must be a string")),
        None => return Err(format!("missing field {tag:?}")),
    };
    let content = fields.remove(content_key);
    if let Some(unknown) = fields.keys().next() {
        return Err(format!("unknown field {unknown:?}"));
    }
    Ok(match content {
        Some(content) => {
            let mut external = Map::new();
            external.insert(name, content);
            Value::Object(external)
        }
        None => Value::String(name),
    })
}

fn single_entry(outer: Map<String, Value>) -> Result<(String, Value), String> {
    let mut entries = outer.into_iter();
    match (entries.next(), entries.next()) {
        (Some(entry), None) => Ok(entry),
        _ => Err("expected exactly one variant".to_owned()),
    }
}

/// Implements `Serialize` and `Deserialize` for an enum whose derive carries
/// `#[serde(remote = "Self")]`, in the internally tagged form
/// `{tag:"variant", fields…}`.
#[macro_export]
macro_rules! flat_tagged {
    ($ty:ty, $tag:literal) => {
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::Error as _;
                let external = <$ty>::serialize(self, ::serde_json::value::Serializer)
                    .map_err(S::Error::custom)?;
                let flat = $crate::wire::flatten($tag, external).map_err(S::Error::custom)?;
                ::serde::Serialize::serialize(&flat, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                use ::serde::de::Error as _;
                let flat =
                    <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let (name, fields) =
                    $crate::wire::unflatten($tag, flat).map_err(D::Error::custom)?;
                let as_struct = || {
                    let mut external = ::serde_json::Map::new();
                    external.insert(name.clone(), ::serde_json::Value::Object(fields.clone()));
                    <$ty>::deserialize(::serde_json::Value::Object(external))
                };
                if fields.is_empty() {
                    // A unit variant is a bare name in the external form.
                    if let Ok(unit) = <$ty>::deserialize(::serde_json::Value::String(name.clone()))
                    {
                        return Ok(unit);
                    }
                }
                as_struct().map_err(D::Error::custom)
            }
        }
    };
}

/// Implements `Serialize` and `Deserialize` for an enum whose derive carries
/// `#[serde(remote = "Self")]`, in the adjacently tagged form
/// `{tag:"variant", content_key:content}`.
#[macro_export]
macro_rules! adjacent_tagged {
    ($ty:ty, $tag:literal, $content:literal) => {
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::Error as _;
                let external = <$ty>::serialize(self, ::serde_json::value::Serializer)
                    .map_err(S::Error::custom)?;
                let adjacent = $crate::wire::to_adjacent($tag, $content, external)
                    .map_err(S::Error::custom)?;
                ::serde::Serialize::serialize(&adjacent, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                use ::serde::de::Error as _;
                let adjacent =
                    <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let external = $crate::wire::from_adjacent($tag, $content, adjacent)
                    .map_err(D::Error::custom)?;
                <$ty>::deserialize(external).map_err(D::Error::custom)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flat_and_external_forms_convert_both_ways() {
        let external = json!({"set_commute": {"person": "p", "km": 3}});
        let flat = flatten("type", external).unwrap();
        assert_eq!(flat, json!({"type": "set_commute", "person": "p", "km": 3}));
        let (name, fields) = unflatten("type", flat).unwrap();
        assert_eq!(name, "set_commute");
        assert_eq!(Value::Object(fields), json!({"person": "p", "km": 3}));
        assert_eq!(
            flatten("code", json!("not_allowed")).unwrap(),
            json!({"code": "not_allowed"})
        );
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        assert!(unflatten("type", json!([1])).is_err());
        assert!(unflatten("type", json!({"type": 3})).is_err());
        assert!(unflatten("type", json!({"x": 3})).is_err());
        assert!(from_adjacent("kind", "id", json!({"kind": "person", "id": 1, "x": 2})).is_err());
        assert!(from_adjacent("kind", "id", json!("person")).is_err());
    }

    #[test]
    fn adjacent_forms_convert_both_ways() {
        let adjacent = to_adjacent("kind", "id", json!({"person": "p"})).unwrap();
        assert_eq!(adjacent, json!({"kind": "person", "id": "p"}));
        assert_eq!(
            from_adjacent("kind", "id", adjacent).unwrap(),
            json!({"person": "p"})
        );
        assert_eq!(
            to_adjacent("kind", "id", json!("system")).unwrap(),
            json!({"kind": "system"})
        );
        assert_eq!(
            from_adjacent("kind", "id", json!({"kind": "system"})).unwrap(),
            json!("system")
        );
    }
}
