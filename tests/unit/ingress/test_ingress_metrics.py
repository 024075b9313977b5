from __future__ import annotations

from http import HTTPStatus
from unittest.mock import ANY, Mock, call, create_autospec

import httpx
from fastapi import FastAPI, Response

from brokers.metrics import MetricsBroker
from ingress.metrics import install_metrics


def metered_app() -> tuple[FastAPI, Mock]:
    metrics: Mock = create_autospec(MetricsBroker, instance=True, spec_set=True)
    metrics.exposition.return_value = b"culdesac_messages_total 0.0\n"
    metrics.content_type = "text/plain; version=0.0.4; charset=utf-8"
    app = FastAPI()

    @app.post("/v1/registrations", status_code=HTTPStatus.ACCEPTED)
    async def accept() -> dict[str, str]:
        return {}

    @app.get("/v1/registrations/{registration_id}")
    async def status(registration_id: str, response: Response) -> dict[str, str]:
        response.status_code = HTTPStatus.NOT_FOUND if registration_id == "gone" else 200
        return {}

    install_metrics(app, metrics)
    return app, metrics


async def test_should_count_each_answer_by_route_template_and_each_accepted_registration() -> None:
    # given
    app, metrics = metered_app()
    transport = httpx.ASGITransport(app=app)

    # when
    async with httpx.AsyncClient(transport=transport, base_url="http://ingress") as client:
        await client.post("/v1/registrations", json={})
        await client.get("/v1/registrations/abc")
        await client.get("/v1/registrations/gone")
        await client.get("/elsewhere")

    # then
    assert metrics.mock_calls == [
        call.observe_http_request("/v1/registrations", "POST", 202, ANY),
        call.count_registration("accepted"),
        call.observe_http_request("/v1/registrations/{registration_id}", "GET", 200, ANY),
        call.observe_http_request("/v1/registrations/{registration_id}", "GET", 404, ANY),
        call.observe_http_request("unmatched", "GET", 404, ANY),
    ]
    assert all(c.args[3] >= 0 for c in metrics.observe_http_request.call_args_list)


async def test_should_serve_the_exposition_on_metrics() -> None:
    # given
    app, metrics = metered_app()
    transport = httpx.ASGITransport(app=app)

    # when
    async with httpx.AsyncClient(transport=transport, base_url="http://ingress") as client:
        response = await client.get("/metrics")

    # then
    assert response.status_code == HTTPStatus.OK
    assert response.content == b"culdesac_messages_total 0.0\n"
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert metrics.mock_calls == [
        call.exposition(),
        call.observe_http_request("/metrics", "GET", 200, ANY),
    ]
