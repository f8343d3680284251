ALTER TABLE `RunRequest` ADD COLUMN `abortBy` TEXT NULL;

ALTER TABLE `RunRequest` ADD COLUMN `abortAddress` TEXT NULL;
