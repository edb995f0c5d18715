-- A citizen's complaint of a missing person carries who is missing (name, sex, age or date of
-- birth, height, clothing, marks, when and where last seen), so that the station can act on it
-- and, for a child, must: every complaint of a missing child is registered as an FIR
-- (Bachpan Bachao Andolan v. Union of India, 2013; CAG Odisha 2025 found such complaints with
-- no FIR). The FIR registered from it enters the person in the missing-persons register, and
-- the register entry points back at that FIR.

alter table complaint add column missing_person jsonb;
comment on column complaint.missing_person is 'Kind missing_person only: the missing person as the citizen described them (name, sex, ageYears or dateOfBirth, heightCm, clothing, marks, lastSeenAt, lastSeenPlace, relation). Under 18 when last seen: the complaint can only be registered as an FIR or transferred.';
alter table complaint add constraint complaint_missing_person_kind check (missing_person is null or kind = 'missing_person');

alter table missing_person add column fir_id uuid references fir(id);
comment on column missing_person.fir_id is 'The FIR registered on the disappearance, when the report came from one (a missing-person complaint registered as an FIR).';
create index missing_person_fir_idx on missing_person (fir_id) where fir_id is not null;
