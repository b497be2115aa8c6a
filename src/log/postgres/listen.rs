//! LISTEN/NOTIFY: each serve replica keeps one connection of its own that LISTENs, so that work made
//! due anywhere (an event posted to another replica, `notify emit`, `notify retry`) wakes its idle
//! workers at once rather than at their next poll, without every replica polling the database often.

use std::sync::Arc;
use std::sync::mpsc::SyncSender;
use std::time::Duration;

use anyhow::Result;
use tokio::sync::Notify;
use tokio_postgres::tls::MakeTlsConnect;
use tokio_postgres::{AsyncMessage, Config, Socket};

use super::{CONNECT_TIMEOUT, Database, PgError};
use crate::error::Error;

/// The statement that subscribes to the channel the queue's writes notify.
const LISTEN: &str = "LISTEN notify_due";
/// An SQL expression that notifies the listeners. In a statement it is sent when the statement's
/// transaction commits, never before (so a woken replica finds the work), and PostgreSQL folds the
/// repeats of one transaction into one.
pub(super) const NOTIFY: &str = "pg_notify('notify_due', '')";

/// The first pause before connecting a lost listener again, doubled after each failure up to the last.
const PAUSE_FIRST: Duration = Duration::from_millis(250);
const PAUSE_MOST: Duration = Duration::from_secs(2);
/// How soon a silent peer (a network gone, not a server that closed) is noticed.
const KEEPALIVE: Duration = Duration::from_secs(30);

impl Database {
    /// Wakes `wake` whenever a process commits due work to this database, and once each time the
    /// listener subscribes again, for what it may have missed meanwhile. Returns once the first
    /// subscription is in effect; an error says it failed, and it is tried again in the background
    /// as after any loss of the connection (a database restarted, say).
    pub(crate) fn listen(&self, wake: Arc<Notify>) -> Result<()> {
        let (first_tx, first_rx) = std::sync::mpsc::sync_channel(1);
        let mut config = self.config.clone();
        config.keepalives_idle(KEEPALIVE);
        let tls = self.tls.clone();
        self.handle.spawn(async move {
            let mut first = Some(first_tx);
            let mut pause = PAUSE_FIRST;
            loop {
                let mut subscribed = false;
                let ended = match &tls {
                    Some(tls) => {
                        session(&config, tls.clone(), &wake, &mut first, &mut subscribed).await
                    }
                    None => {
                        let tls = tokio_postgres::NoTls;
                        session(&config, tls, &wake, &mut first, &mut subscribed).await
                    }
                };
                if let Some(first) = first.take() {
                    let _ = first.send(Err(ended));
                }
                pause = match subscribed {
                    true => PAUSE_FIRST,
                    false => (pause * 2).min(PAUSE_MOST),
                };
                tokio::time::sleep(pause).await;
            }
        });
        match first_rx.recv_timeout(CONNECT_TIMEOUT * 2) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(self.explain("listen for work on", e)),
            Err(_) => Err(Error::failure(format!(
                "cannot listen for work on the delivery log {}: no answer in time",
                self.shown
            ))
            .into()),
        }
    }
}

/// One connection that LISTENs and wakes on each notification, until it ends (with the reason).
/// `first` is told when the subscription is in effect.
async fn session<T>(
    config: &Config,
    tls: T,
    wake: &Notify,
    first: &mut Option<SyncSender<Result<(), PgError>>>,
    subscribed: &mut bool,
) -> PgError
where
    T: MakeTlsConnect<Socket>,
{
    let (client, mut connection) = match config.connect(tls).await {
        Ok(connected) => connected,
        Err(e) => return e.into(),
    };
    // Notifications (and every answer to the client) arrive only while the connection is polled.
    let drive = async {
        loop {
            match std::future::poll_fn(|cx| connection.poll_message(cx)).await {
                Some(Ok(AsyncMessage::Notification(_))) => wake.notify_one(),
                Some(Ok(_)) => {}
                Some(Err(e)) => return PgError::from(e),
                None => return PgError::Closed,
            }
        }
    };
    let subscribe = async {
        if let Err(e) = client.batch_execute(LISTEN).await {
            return PgError::from(e);
        }
        *subscribed = true;
        wake.notify_one();
        if let Some(first) = first.take() {
            let _ = first.send(Ok(()));
        }
        std::future::pending().await
    };
    tokio::select! {
        e = drive => e,
        e = subscribe => e,
    }
}
