//! The resilience drill: the whole story of a host going dark, on
//! loopback, step by step with each step's time. Run through
//! scripts/drill, which builds what it needs first.
//!
//! A publisher builds and signs the example site and the client, deploys
//! both to an S3 bucket behind a host, and a second mirror pulls them.
//! Then the host goes dark, a file on the second mirror is tampered with,
//! and the bucket is verified.

mod client;
mod publish;
mod report;
mod site_gen;

use e2e::StaticServer;
use report::Report;
use site_gen::SiteGen;

#[tokio::main]
async fn main() -> anyhow::Result<std::process::ExitCode> {
    let site_gen = SiteGen::from_env()?;
    let work = publish::Work::new()?;
    let mut report = Report::new();
    // The second mirror's origin is known before the client is signed, so
    // that the signed config can name it.
    let mirror = StaticServer::start(
        work.mirror_site.clone(),
        &[("/app", work.mirror_client.clone())],
    )
    .await?;
    let mirrors = [mirror.url("/app/")];

    report
        .step(
            "build and sign the site",
            publish::build_site(&site_gen, &work),
        )
        .await;
    report
        .step(
            "sign the client with the publisher's key and mirror list",
            client::sign_client(&site_gen, &work, &mirrors),
        )
        .await;
    let first = report
        .step(
            "deploy the site and the client to an S3 bucket (moto)",
            publish::deploy(&site_gen, &work),
        )
        .await;
    if let Some(first) = &first {
        report
            .step(
                "pull a second mirror from the first host",
                publish::pull_mirror(&site_gen, &work, first, &mirror),
            )
            .await;
        first.front.stop();
        report
            .step(
                "tamper one file on the second mirror: verify refuses it",
                publish::tamper_and_verify(&site_gen, &work, &mirror),
            )
            .await;
        report
            .step(
                "verify the site and the client from the bucket",
                publish::verify_bucket(&site_gen, &work, first),
            )
            .await;
    }
    Ok(if report.finish() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    })
}
