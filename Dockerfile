# One image for the ingress and every worker; the command picks which.
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY contracts ./contracts
COPY brokers ./brokers
COPY services ./services
COPY hosting ./hosting
COPY workers ./workers
COPY ingress ./ingress
COPY standalone ./standalone
COPY cli ./cli
RUN uv sync --frozen --no-dev
ENV PATH="/app/.venv/bin:$PATH" CULDESAC_LOG_FORMAT=json
USER nobody
ENTRYPOINT ["culdesac"]
CMD ["--help"]
