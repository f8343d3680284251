ALTER TABLE `Server` ADD COLUMN `promotionRule` TEXT NOT NULL DEFAULT ('neutral');

CREATE TABLE `FailoverRun` (
    `id` VARCHAR(191) NOT NULL,
    `sourceId` VARCHAR(191) NOT NULL,
    `candidateId` TEXT NOT NULL,
    `newSourceId` TEXT NULL,
    `actor` TEXT NOT NULL,
    `owner` TEXT NULL,
    `auto` BOOLEAN NOT NULL DEFAULT false,
    `cluster` TEXT NULL,
    `status` VARCHAR(191) NOT NULL,
    `options` TEXT NOT NULL,
    `steps` TEXT NOT NULL DEFAULT ('[]'),
    `state` TEXT NOT NULL DEFAULT ('{}'),
    `report` TEXT NULL,
    `error` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    INDEX `FailoverRun_sourceId_status_idx`(`sourceId`, `status`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `ClusterSetting` (
    `cluster` VARCHAR(191) NOT NULL,
    `fencing` BOOLEAN NOT NULL DEFAULT true,
    `autoFailover` BOOLEAN NOT NULL DEFAULT false,
    `autoDelaySeconds` INTEGER NOT NULL DEFAULT 30,
    `cooldownSeconds` INTEGER NOT NULL DEFAULT 3600,
    `hookUrls` TEXT NOT NULL DEFAULT ('[]'),
    `hookSecretEnc` TEXT NOT NULL DEFAULT (''),
    `updatedAt` DATETIME(3) NOT NULL,
    PRIMARY KEY (`cluster`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
