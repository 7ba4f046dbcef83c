-- A confidential conversation is hidden from every proxy of its patient (an adolescent's own
-- questions). A message written by a proxy records how the author was related to the patient.
alter table conversation add column confidential boolean not null default false;
alter table message add column proxy_relationship varchar(16);
