# One image for web processes and judge workers.
# Stage 1 builds the browser client from the committed lockfile; only web/dist is kept.
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY web ./
RUN npm run build

FROM python:3.11-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends \
        bubblewrap gcc g++ nodejs openjdk-17-jdk-headless curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY realtime realtime
COPY rooms rooms
COPY judging judging
COPY coach coach
COPY progress progress
COPY storage storage
COPY loops loops
COPY content content
COPY designs designs
RUN pip install --no-cache-dir .
COPY --from=web /web/dist /app/web/dist
ENV CODEARENA_WEB_DIST=/app/web/dist
EXPOSE 8000
CMD ["codearena", "serve", "--host", "0.0.0.0", "--port", "8000"]
