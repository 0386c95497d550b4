CREATE TABLE greetings (id integer PRIMARY KEY, text varchar(40) NOT NULL);
