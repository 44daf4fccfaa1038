//! Shared widgets, used by several tabs and popups: text fields, scrolling, charts, the
//! heat map, the officer chooser, the theme, the footer. A component never names a tab.

pub(crate) mod chart;
pub mod filter;
pub mod find_list;
pub(crate) mod footer;
pub mod form;
pub(crate) mod heat_map;
pub mod officer_chooser;
pub(crate) mod quality;
pub mod scroll;
pub mod text_field;
pub mod theme;
pub(crate) mod widgets;
