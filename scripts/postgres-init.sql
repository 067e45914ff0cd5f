-- One database per subgraph (docker-compose's Postgres runs this once, on first start).
CREATE DATABASE bloomzy_auth;
CREATE DATABASE bloomzy_plants;
CREATE DATABASE bloomzy_notifications;
