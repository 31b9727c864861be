-- A recall campaign's facts in French, next to the English ones: what a French owner reads in his
-- notice, reminders and delay notices. Filled when the campaign is created or while its notice is
-- drafted; the notice cannot be approved without them.
alter table recall_campaign add column title_fr varchar(200);
alter table recall_campaign add column component_fr varchar(200);
alter table recall_campaign add column defect_fr varchar(4000);
alter table recall_campaign add column safety_risk_fr varchar(2000);
alter table recall_campaign add column remedy_fr varchar(2000);
