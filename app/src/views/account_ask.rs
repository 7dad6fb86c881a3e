//! Sending the account actions' requests through one untyped request, so
//! that the code that sends them is built once.

use crate::api::actions::Untyped;
use crate::api::{ApiError, Page, Request};
use crate::state::session::Session;

/// Sends `request` for its answer alone.
pub async fn ask<R: Request>(session: &Session, request: &R) -> Result<R::Answer, ApiError> {
    let text = session.ask(&Untyped::of(request)).await?;
    request.read(&text)
}

/// Sends `request` for its answer and the pagination links with it.
pub async fn ask_page<R: Request>(
    session: &Session,
    request: &R,
) -> Result<(R::Answer, Page), ApiError> {
    let fetched = session.fetch(&Untyped::of(request)).await?;
    Ok((request.read(&fetched.body)?, fetched.page))
}
