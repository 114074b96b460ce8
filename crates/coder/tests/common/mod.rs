//! The shipped models and knowledge base, loaded once per test binary.

use std::path::Path;
use std::sync::OnceLock;

use dyad_coder::Coder;
use dyad_kb::Kb;
use dyad_nlp::Models;

/// The shipped models and a coder over the shipped knowledge base.
pub fn pipeline() -> &'static (Models, Coder) {
    static PIPELINE: OnceLock<(Models, Coder)> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let models_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models");
        let models = Models::load(&models_dir).unwrap_or_else(|e| panic!("models: {e}"));
        let kb = Kb::load(&[Kb::shipped_dir()]).unwrap_or_else(|e| panic!("kb: {e}"));
        (models, Coder::new(kb))
    })
}
