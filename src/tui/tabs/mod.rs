//! The tabs, a folder each: its state and keys (`mod.rs`), its view (`view.rs`) and the
//! parts only it uses. A tab names the components and popups it shows, never another tab.

pub mod delivery;
pub mod entry;
pub mod exceptions;
pub mod plan;
pub mod rollup;
