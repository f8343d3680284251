CREATE TABLE `SignInSlot` (
    `key` VARCHAR(191) NOT NULL,
    `slot` INTEGER NOT NULL,
    `at` DOUBLE NOT NULL,
    `token` TEXT NOT NULL,
    INDEX `SignInSlot_at_idx`(`at`),
    PRIMARY KEY (`key`, `slot`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `CrawlFind` (
    `seedId` VARCHAR(191) NOT NULL,
    `hosts` TEXT NOT NULL,
    `expiresAt` DOUBLE NOT NULL,
    PRIMARY KEY (`seedId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
