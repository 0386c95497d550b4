-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d): one database per service,
-- named as ./shopflow names them (local-stack ServiceSpec). Each service creates its own tables with Flyway.
CREATE DATABASE auth;
CREATE DATABASE catalog;
CREATE DATABASE orders;
CREATE DATABASE payments;
