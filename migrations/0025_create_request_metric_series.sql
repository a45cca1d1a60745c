-- Request counters and latency histograms of every workerd object and process, so one /metrics scrape
-- shows the sum: each Durable Object (and each process's stateless worker, through its listener object)
-- adds what it counted since its last flush every few seconds and before a scrape; /metrics reads these
-- totals. They only grow, as Prometheus counters must, whatever processes start and stop.
CREATE TABLE request_metric_series (
  route_group text NOT NULL CHECK (length(route_group) <= 64),
  method text NOT NULL CHECK (length(method) <= 10),
  status smallint NOT NULL CHECK (status BETWEEN 100 AND 599),
  count bigint NOT NULL CHECK (count >= 0),
  sum_seconds double precision NOT NULL CHECK (sum_seconds >= 0),
  buckets bigint[] NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (route_group, method, status)
);
