//! TLS for the fixtures: a private CA and a server certificate minted per test (`rcgen`), and a small
//! HTTPS server on 127.0.0.1 (rustls over std sockets, one thread per connection) that answers every
//! request with `200 {}` and records it.
#![allow(dead_code)]

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use rustls::ServerConfig;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// A CA that exists only for one test, and a certificate it signed for `localhost` and 127.0.0.1.
pub struct TestCa {
    /// The CA certificate in PEM: what `--ca-file` / `NOTIFY_CA_FILE` point at.
    pub ca_pem: String,
    /// The server's TLS configuration (its certificate chain and key).
    pub server: Arc<ServerConfig>,
}

impl TestCa {
    pub fn new() -> TestCa {
        static CRYPTO: Once = Once::new();
        CRYPTO.call_once(|| {
            let _ = rustls::crypto::ring::default_provider().install_default();
        });
        let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(DnType::CommonName, "notify test private CA");
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_key = KeyPair::generate().expect("CA key");
        let ca_cert = ca.self_signed(&ca_key).expect("self-sign the CA");
        let issuer = Issuer::new(ca, ca_key);

        let mut leaf = CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
            .expect("server params");
        leaf.distinguished_name
            .push(DnType::CommonName, "localhost");
        let leaf_key = KeyPair::generate().expect("server key");
        let leaf_cert = leaf
            .signed_by(&leaf_key, &issuer)
            .expect("sign the server certificate");

        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der()));
        let chain: Vec<CertificateDer<'static>> =
            vec![leaf_cert.der().clone(), ca_cert.der().clone()];
        let server = ServerConfig::builder()
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .expect("server TLS config");
        TestCa {
            ca_pem: ca_cert.pem(),
            server: Arc::new(server),
        }
    }

    /// Writes the CA certificate to `path` and gives the path back as text.
    pub fn write_ca(&self, path: &Path) -> String {
        std::fs::write(path, &self.ca_pem).expect("write the CA file");
        path.display().to_string()
    }
}

/// One request as the HTTPS server read it.
#[derive(Clone, Debug)]
pub struct Request {
    /// `POST /hook HTTP/1.1`
    pub line: String,
    pub body: Vec<u8>,
}

/// An HTTPS server on 127.0.0.1 that answers `200 {}` to every request it can read.
pub struct HttpsServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
}

impl HttpsServer {
    pub fn start(config: Arc<ServerConfig>) -> HttpsServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("https fixture: bind");
        let addr = listener.local_addr().expect("https fixture: local_addr");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen, stopped) = (Arc::clone(&requests), Arc::clone(&stop));
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let (config, seen) = (Arc::clone(&config), Arc::clone(&seen));
                thread::spawn(move || {
                    // A client that refuses the certificate ends the handshake: nothing to record.
                    if let Ok(Some(req)) = serve(stream, config) {
                        seen.lock().unwrap_or_else(|e| e.into_inner()).push(req);
                    }
                });
            }
        });
        HttpsServer {
            addr,
            requests,
            stop,
        }
    }

    /// `https://localhost:PORT{path}`: the name the certificate carries.
    pub fn url(&self, path: &str) -> String {
        format!("https://localhost:{}{path}", self.addr.port())
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Waits until `n` requests arrived (or `timeout` passed) and returns them.
    pub fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Request> {
        let end = Instant::now() + timeout;
        while self.requests().len() < n && Instant::now() < end {
            thread::sleep(Duration::from_millis(10));
        }
        self.requests()
    }
}

impl Drop for HttpsServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(2));
    }
}

/// One connection: the TLS handshake, one request (head and `Content-Length` body), `200 {}`.
fn serve(stream: TcpStream, config: Arc<ServerConfig>) -> io::Result<Option<Request>> {
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    let conn = rustls::ServerConnection::new(config).map_err(io::Error::other)?;
    let mut input = BufReader::new(rustls::StreamOwned::new(conn, stream));
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut length = 0usize;
    loop {
        let mut header = String::new();
        input.read_line(&mut header)?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    let out = input.get_mut();
    out.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    )?;
    out.flush()?;
    out.conn.send_close_notify();
    let _ = out.flush();
    Ok(Some(Request {
        line: line.trim_end().to_owned(),
        body,
    }))
}

/// A CA file that stays for the whole test run (in the target folder), for tests that only need one
/// that parses.
pub fn props_ca_file() -> String {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let mut file = tempfile::NamedTempFile::new_in(dir).expect("temp CA file");
        file.write_all(TestCa::new().ca_pem.as_bytes())
            .expect("write the CA file");
        let path = dir.join("test-ca.pem");
        file.persist(&path).expect("keep the CA file");
        path.display().to_string()
    })
    .clone()
}
