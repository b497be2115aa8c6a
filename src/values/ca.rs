//! Private certificate authorities: a PEM file of CA certificates trusted in addition to the platform's
//! roots, checked when it is set and read again when a connection needs it.

use std::path::{Path, PathBuf};

use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

/// Reads the CA certificates of a PEM file; the message says which file and what is wrong with it.
pub fn load_ca_file(path: &Path) -> Result<Vec<CertificateDer<'static>>, String> {
    let shown = path.display();
    let pem = std::fs::read(path).map_err(|e| format!("cannot read the CA file {shown}: {e}"))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("the CA file {shown} is not valid PEM: {e}"))?;
    if certs.is_empty() {
        return Err(format!(
            "the CA file {shown} holds no certificate (expected PEM blocks starting with \
             -----BEGIN CERTIFICATE-----)"
        ));
    }
    let (_, ignored) = RootCertStore::empty().add_parsable_certificates(certs.iter().cloned());
    if ignored > 0 {
        return Err(format!(
            "the CA file {shown}: {ignored} of its {} certificates cannot be used as a CA",
            certs.len()
        ));
    }
    Ok(certs)
}

/// Checks a CA file given by a user and gives the absolute path to store (so that it still names the
/// same file when notify runs from another folder).
pub fn check_ca_file(raw: &str) -> Result<PathBuf, String> {
    let path = std::path::absolute(raw).map_err(|e| format!("invalid path {raw:?}: {e}"))?;
    load_ca_file(&path)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_without_usable_certificates_are_refused_with_the_reason() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("missing.pem");
        let err = check_ca_file(&missing.display().to_string()).unwrap_err();
        assert!(err.starts_with("cannot read the CA file"), "{err}");

        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "not a certificate\n").expect("write");
        assert!(
            load_ca_file(&empty)
                .unwrap_err()
                .contains("holds no certificate")
        );

        let broken = dir.path().join("broken.pem");
        std::fs::write(&broken, "-----BEGIN CERTIFICATE-----\nAAAA\n").expect("write");
        assert!(load_ca_file(&broken).unwrap_err().contains("not valid PEM"));

        let junk = dir.path().join("junk.pem");
        std::fs::write(
            &junk,
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        )
        .expect("write");
        assert!(
            load_ca_file(&junk)
                .unwrap_err()
                .contains("cannot be used as a CA")
        );
    }
}
