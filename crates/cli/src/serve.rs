//! `dyad serve`: the HTTP API and web page over a database.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;

/// Arguments of `dyad serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// The database `dyad run` wrote.
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Address and port to listen on. The default answers only this machine; give
    /// 0.0.0.0:8080 to let others in.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Let `POST /api/code` (and the page's Code view) code pasted text. Off by default:
    /// coding costs CPU that anyone who can reach the server could spend.
    #[arg(long)]
    allow_code: bool,
    /// Folder of the models, for --allow-code (default: the models/ folder dyad was built
    /// with).
    #[arg(long)]
    models: Option<PathBuf>,
    /// Knowledge-base folders read after the shipped one, for --allow-code.
    #[arg(long = "kb", value_name = "DIR")]
    kb: Vec<PathBuf>,
    /// Seconds a request may take before it is answered 503.
    #[arg(long, default_value_t = 10)]
    timeout: u64,
    /// Serve the web page's files from this folder instead of the copies built in (for
    /// working on the page).
    #[arg(long, hide = true)]
    web_dir: Option<PathBuf>,
}

/// Serves until interrupted.
pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    if !args.db.is_file() {
        anyhow::bail!(
            "{}: no such database: `dyad run` writes one",
            args.db.display()
        );
    }
    // The server reads through read-only connections; a database from an older dyad is
    // brought up to date first, as any command that writes would.
    dyad_store::Store::open(&args.db)
        .with_context(|| format!("cannot open {}", args.db.display()))?;
    let mut config = dyad_server::Config::new(args.db.clone());
    config.web_dir = args.web_dir.clone();
    config.timeout = std::time::Duration::from_secs(args.timeout);
    if args.allow_code {
        config.coder = Some(pasted_text_coder(args)?);
    }
    let runtime = tokio::runtime::Runtime::new().context("cannot start the server's runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .with_context(|| format!("cannot listen on {}", args.bind))?;
        let address = listener.local_addr().unwrap_or(args.bind);
        eprintln!(
            "dyad: serving {} on http://{address}/ (API at /api, description at /openapi.json)",
            args.db.display()
        );
        dyad_server::serve(listener, config)
            .await
            .with_context(|| format!("cannot serve {}", args.db.display()))
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The models and knowledge base, loaded once, behind the server's coder function.
fn pasted_text_coder(args: &ServeArgs) -> anyhow::Result<Arc<dyad_server::Coder>> {
    let models = crate::models::load(&crate::models::models_dir(args.models.as_deref()))?;
    let coder = crate::code::load_coder(&args.kb)?;
    Ok(Arc::new(
        move |text: &str, date: Option<chrono::NaiveDate>| {
            let date = date.unwrap_or_else(|| chrono::Utc::now().date_naive());
            Ok(crate::code::code_text(
                &models, &coder, "pasted", text, date,
            ))
        },
    ))
}
