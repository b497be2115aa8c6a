//! A batch's delivery: destinations that share one vendor request (`delivery::batch_plan`) get one request,
//! retried like a single destination's, and one row each with the batch's outcome and attempts.

use tokio::time::Instant;

use crate::channels::wire::Verdict;
use crate::delivery::Delivery;
use crate::delivery::steps::{self, Composed, Recipient, Stamp};
use crate::delivery::target::Target;

use super::{Attempted, Engine, Member, delivered, failure};

impl Engine {
    /// Destinations that share one request (same account, same content): one request per batch and a
    /// row per member with the batch's outcome and attempts; a member whose recipient cannot be found
    /// fails alone.
    pub(super) async fn deliver_batch(
        &self,
        members: Vec<Member>,
        deadline: Instant,
    ) -> Vec<(usize, Delivery)> {
        let start = Instant::now();
        let mut rows = Vec::with_capacity(members.len());
        let mut batch: Vec<(usize, Target, String)> = Vec::with_capacity(members.len());
        let mut shared: Option<Composed> = None;
        for (index, dest, composed) in members {
            let mut row = Delivery::of(&dest);
            let (target, composed) = match (dest.target, composed.map(|c| *c)) {
                (Ok(t), Some(Ok(c))) => (t, c),
                _ => {
                    row.fail(failure("internal", "a batch member was not composed"), true);
                    rows.push((index, row));
                    continue;
                }
            };
            let recipient = match (&target, steps::recipient(&target)) {
                (Target::Sms { mobile, .. }, _) => Ok(mobile.clone()),
                (_, Recipient::Known(id)) => Ok(id.to_owned()),
                (Target::Dingtalk { app, .. }, Recipient::LookUp { mobile, email }) => {
                    self.find_person(app, mobile, email, deadline).await
                }
                (_, Recipient::LookUp { .. }) => {
                    Err(Verdict::permanent("internal", "no lookup here"))
                }
                (_, Recipient::Missing(why)) => Err(Verdict::permanent("invalid", why)),
            };
            match recipient {
                Ok(r) => {
                    shared.get_or_insert(composed);
                    batch.push((rows.len(), target, r));
                }
                Err(Verdict::Retry(f)) => row.fail(f, false),
                Err(Verdict::Permanent(f)) => row.fail(f, true),
                Err(Verdict::Delivered) => {
                    row.fail(failure("internal", "success reported as an error"), true);
                }
            }
            rows.push((index, row));
        }
        let (Some(msg), Some((_, first, _))) = (shared, batch.first()) else {
            return rows;
        };
        let mut recipients: Vec<&str> = Vec::with_capacity(batch.len());
        for (_, _, r) in &batch {
            if !recipients.contains(&r.as_str()) {
                recipients.push(r);
            }
        }
        let done = self.send_batch(first, &msg, &recipients, deadline).await;
        let elapsed_ms = start.elapsed().as_millis() as u64;
        for (at, _, _) in &batch {
            let Some((_, row)) = rows.get_mut(*at) else {
                continue;
            };
            row.attempts = done.attempts;
            row.elapsed_ms = elapsed_ms;
            match &done.result {
                Err(f) => row.fail(f.clone(), done.permanent),
                Ok(()) => row.reason = msg.cut.clone(),
            }
        }
        rows
    }

    /// The one request of a batch, retried like a single destination's.
    async fn send_batch(
        &self,
        target: &Target,
        msg: &Composed,
        recipients: &[&str],
        deadline: Instant,
    ) -> Attempted<()> {
        let stamp = match Stamp::new(self.clock.now_ms()) {
            Ok(s) => s,
            Err(f) => return Attempted::failed(f, false),
        };
        let safe = steps::resend_safe(target);
        let judge = steps::judge(target);
        match target {
            Target::Dingtalk { app, .. } => {
                let build =
                    |token: &str| steps::batch_request(target, msg, &stamp, token, recipients);
                self.with_token(app, deadline, safe, None, build, |resp| {
                    delivered(judge(resp))
                })
                .await
            }
            _ => {
                if let Err(f) = steps::batch_request(target, msg, &stamp, "", recipients) {
                    return Attempted::failed(f, true);
                }
                self.retrying(deadline, None, |t| {
                    let req = stamp.attempt(self.clock.now_ms()).and_then(|s| {
                        steps::batch_request(target, msg, &s, "", recipients)
                            .map(|r| r.ca_file(target.ca_file()))
                    });
                    async move {
                        let req = req.map_err(Verdict::Permanent)?;
                        delivered(judge(&self.http(&req, t, safe).await?))
                    }
                })
                .await
            }
        }
    }
}
