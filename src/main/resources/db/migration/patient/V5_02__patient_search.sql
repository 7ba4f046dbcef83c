-- Staff find patients by name: the name folded to lower case without accents, with a space before
-- each word, so "% mart%" finds "Martínez". Rows written before this column are filled at start-up.
alter table patient add column search_name varchar(220);
create index patient_practice_search on patient (practice_id, search_name);
