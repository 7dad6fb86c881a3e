//! The resilience drill: the whole story of a host going dark, on
//! loopback, step by step with each step's time. Run through
//! scripts/drill, which builds what it needs first.
//!
//! A publisher builds and signs the example site and the client, deploys
//! both to an S3 bucket behind a host, and a second mirror pulls them. A
//! reader opens the client from the first host and reads a timeline. The
//! host goes dark: the installed client still opens, offers the second
//! mirror, and carries the reader's route there. A file on the second
//! mirror is tampered with and refused; the bucket still verifies.

mod client;
mod publish;
mod reader;
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
    let mirror_app = mirror.url("/app/");

    report
        .step(
            "build and sign the site",
            publish::build_site(&site_gen, &work),
        )
        .await;
    let serial = report
        .step(
            "sign the client with the publisher's key and mirror list",
            client::sign_client(&site_gen, &work, std::slice::from_ref(&mirror_app)),
        )
        .await;
    let first = report
        .step(
            "deploy the site and the client to an S3 bucket (moto)",
            publish::deploy(&site_gen, &work),
        )
        .await;
    let (Some(serial), Some(mut first)) = (serial, first) else {
        return Ok(exit(report));
    };
    report
        .step(
            "pull a second mirror from the first host",
            publish::pull_mirror(&site_gen, &work, &first, &mirror),
        )
        .await;
    let reader = report
        .step(
            "open the client from the first host and read a timeline",
            reader::open_and_read(&first.url("app"), serial),
        )
        .await;
    first.front.cut();
    if let Some(reader) = &reader {
        report
            .step(
                "the first host goes dark: the installed client opens, offers the second mirror and moves there with its route",
                reader::move_to_mirror(reader, &mirror_app),
            )
            .await;
        report
            .step(
                "the second mirror's copy is verified by its own worker",
                reader::mirror_verified(reader, &mirror_app, serial),
            )
            .await;
    }
    report
        .step(
            "tamper one file on the second mirror: verify refuses it",
            publish::tamper_and_verify(&site_gen, &work, &mirror),
        )
        .await;
    if let Some(reader) = &reader {
        report
            .step(
                "the reader on the second mirror still runs the verified copy",
                reader::still_runs_verified(reader, &mirror_app),
            )
            .await;
    }
    report
        .step(
            "verify the site and the client from the bucket",
            publish::verify_bucket(&site_gen, &work, &first),
        )
        .await;
    Ok(exit(report))
}

fn exit(report: Report) -> std::process::ExitCode {
    if report.finish() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
