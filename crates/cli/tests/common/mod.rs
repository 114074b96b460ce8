//! What the binary's end-to-end tests share: the repository's root, the examples' database,
//! and a `dyad serve` over it started on a free port of 127.0.0.1 by the test and killed when
//! it ends.

#![allow(dead_code)] // each test file uses its own part of this module

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

/// The repository's root, where the tests run the binary.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The examples' database, made once for all tests of this file.
pub fn examples_db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("examples.db");
        let status = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(["run", "--db", db.to_str().unwrap(), "--date", "2025-11-20"])
            .arg("examples/articles/")
            .current_dir(repo())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "dyad run on the examples failed");
        (dir, db)
    });
    path
}

/// How many events (first reports) the examples' database holds, as `dyad run` counted them.
pub fn examples_events() -> u64 {
    let conn = rusqlite::Connection::open_with_flags(
        examples_db(),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    conn.query_row(
        "SELECT COUNT(*) FROM events WHERE report_of = id OR report_of IS NULL",
        [],
        |row| row.get(0),
    )
    .unwrap()
}

/// A running `dyad serve`, killed when dropped.
pub struct Server {
    child: Child,
    /// host:port the server listens on.
    pub address: String,
}

impl Server {
    pub fn start(extra: &[&str]) -> Server {
        Server::start_on(examples_db(), extra)
    }

    /// Serves the database at `db`.
    pub fn start_on(db: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(["serve", "--db", db.to_str().unwrap()])
            .args(["--bind", "127.0.0.1:0"])
            .args(extra)
            .current_dir(repo())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The first line on stderr names the address the server listens on.
        let mut line = String::new();
        BufReader::new(child.stderr.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("dyad serve did not say where it listens: {line:?}"))
            .to_string();
        Server { child, address }
    }

    /// Sends one request and gives the status and body.
    pub fn request(&self, method: &str, path: &str, headers: &str, body: &[u8]) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n{headers}Content-Length: {}\r\n\r\n",
            self.address,
            body.len()
        )
        .unwrap();
        stream.write_all(body).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response with headers");
        let head = String::from_utf8_lossy(&response[..split]).to_string();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        assert!(
            !head
                .to_ascii_lowercase()
                .contains("transfer-encoding: chunked"),
            "this client reads only bodies with a length"
        );
        (status, response[split + 4..].to_vec())
    }

    pub fn get(&self, path: &str) -> (u16, Vec<u8>) {
        self.request("GET", path, "", b"")
    }

    /// GETs JSON that must come with status 200.
    pub fn json(&self, path: &str) -> Value {
        let (status, body) = self.get(path);
        let json = serde_json::from_slice(&body).unwrap_or(Value::Null);
        assert_eq!(status, 200, "GET {path}: {json}");
        json
    }

    pub fn post_json(&self, path: &str, body: &str) -> (u16, Value) {
        let (status, body) = self.request(
            "POST",
            path,
            "Content-Type: application/json\r\n",
            body.as_bytes(),
        );
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
