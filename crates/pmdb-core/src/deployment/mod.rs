//! Deployment for many Unix users: which database pmdb opens, from what it is told, and
//! whether the files on disk keep officers from writing the council's file except through
//! pmdb (`pmdb check --deployment`). The group switch itself is `crate::privilege`.

pub mod choice;
pub mod config;
pub mod inspect;
pub mod judge;

pub use choice::{ChoiceError, Chosen, Source, Surroundings, choose};
pub use config::{Config, ConfigError, SYSTEM_CONFIG};
