# One image for web processes and judge workers.
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
RUN pip install --no-cache-dir .
EXPOSE 8000
CMD ["codearena", "serve", "--host", "0.0.0.0", "--port", "8000"]
