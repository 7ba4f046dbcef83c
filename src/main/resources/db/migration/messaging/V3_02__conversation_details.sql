-- The structured details of a request (a refill's medication, dose and pharmacy; a referral's
-- specialty and reason; an appointment's reason and preferred times), encrypted like messages.
alter table conversation add column details_ciphertext bytea;
