//! dyad's event coder: from a parsed document and the knowledge base to events in CAMEO and
//! PLOVER, with the words behind every field ([`Coder`]); plus the gold events it is measured
//! against ([`gold`]) and how it is scored ([`score`]).

pub mod actors;
pub mod dates;
mod engine;
pub mod event;
pub mod explain;
pub mod gold;
pub mod modality;
pub mod parsed;
mod repair;
pub mod score;

pub use engine::Coder;
pub use event::{Event, Location, cameo_dyads};
