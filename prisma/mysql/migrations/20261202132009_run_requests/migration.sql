CREATE TABLE `RunRequest` (
    `runId` VARCHAR(191) NOT NULL,
    `kind` TEXT NOT NULL,
    `all` BOOLEAN NOT NULL,
    `actor` TEXT NOT NULL,
    `address` TEXT NULL,
    `requestedBy` TEXT NOT NULL,
    `claimedBy` VARCHAR(191) NULL,
    `claimedEpoch` INTEGER NULL,
    `createdAt` DOUBLE NOT NULL,
    INDEX `RunRequest_claimedBy_idx`(`claimedBy`),
    PRIMARY KEY (`runId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
