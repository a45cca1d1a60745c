-- SMS sent per service day, per recipient (SHA-256 of the number) and in total ('*'): the delivery loop
-- counts here before each send and holds messages back once a daily budget is used up.
CREATE TABLE sms_budget_usage (
  day date NOT NULL,
  recipient_key text NOT NULL CHECK (length(recipient_key) BETWEEN 1 AND 64),
  sent integer NOT NULL DEFAULT 0 CHECK (sent >= 0),
  PRIMARY KEY (day, recipient_key)
);
