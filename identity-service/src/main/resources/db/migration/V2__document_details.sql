-- The name the user wants on certificates and invoices (null: their display name) and the billing address printed
-- on invoices, AES-GCM ciphertext like the other personal data (FieldCipher).
alter table account add column certificate_name text;
alter table account add column billing_address bytea;
