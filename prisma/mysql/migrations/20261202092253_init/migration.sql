CREATE TABLE `Server` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `host` VARCHAR(191) NOT NULL,
    `port` INTEGER NOT NULL DEFAULT 3306,
    `user` TEXT NOT NULL,
    `passwordEnc` TEXT NOT NULL,
    `tlsMode` TEXT NOT NULL DEFAULT ('disabled'),
    `cluster` TEXT NULL,
    `tags` TEXT NOT NULL DEFAULT (''),
    `lagWarnSeconds` INTEGER NULL,
    `lagCritSeconds` INTEGER NULL,
    `flavor` TEXT NULL,
    `version` TEXT NULL,
    `lastCheckStatus` TEXT NULL,
    `lastCheckDetail` TEXT NULL,
    `lastCheckedAt` DATETIME(3) NULL,
    `heartbeatEnabled` BOOLEAN NOT NULL DEFAULT false,
    `heartbeatSchema` TEXT NOT NULL DEFAULT ('replscope'),
    `allowPublicKeyRetrieval` BOOLEAN NOT NULL DEFAULT false,
    `serverPublicKey` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `Server_name_key`(`name`),
    UNIQUE INDEX `Server_host_port_key`(`host`, `port`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `ServerState` (
    `serverId` VARCHAR(191) NOT NULL,
    `state` TEXT NOT NULL,
    `lagSeconds` DOUBLE NULL,
    `lagSource` TEXT NULL,
    `snapshot` TEXT NOT NULL,
    `checkedAt` DOUBLE NOT NULL,
    `reachedAt` DOUBLE NULL,
    `stateSince` DOUBLE NULL,
    PRIMARY KEY (`serverId`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `LagSample` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `serverId` VARCHAR(191) NOT NULL,
    `channel` TEXT NOT NULL,
    `at` DOUBLE NOT NULL,
    `lagSeconds` DOUBLE NULL,
    `source` TEXT NOT NULL,
    INDEX `LagSample_serverId_at_idx`(`serverId`, `at`),
    INDEX `LagSample_at_idx`(`at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `BootstrapRun` (
    `id` VARCHAR(191) NOT NULL,
    `sourceId` TEXT NOT NULL,
    `targetId` VARCHAR(191) NOT NULL,
    `status` VARCHAR(191) NOT NULL,
    `currentStep` TEXT NOT NULL,
    `options` TEXT NOT NULL,
    `secretEnc` TEXT NOT NULL,
    `coordinates` TEXT NULL,
    `progress` TEXT NULL,
    `undo` TEXT NOT NULL DEFAULT ('{}'),
    `error` TEXT NULL,
    `owner` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    INDEX `BootstrapRun_targetId_status_idx`(`targetId`, `status`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `BootstrapStep` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `runId` VARCHAR(191) NOT NULL,
    `stepId` VARCHAR(191) NOT NULL,
    `status` TEXT NOT NULL,
    `startedAt` DATETIME(3) NULL,
    `finishedAt` DATETIME(3) NULL,
    `log` TEXT NOT NULL DEFAULT ('[]'),
    `error` TEXT NULL,
    UNIQUE INDEX `BootstrapStep_runId_stepId_key`(`runId`, `stepId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `AuditEntry` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `actor` VARCHAR(191) NOT NULL,
    `action` TEXT NOT NULL,
    `serverId` VARCHAR(191) NULL,
    `serverName` TEXT NULL,
    `statement` TEXT NOT NULL,
    `durationMs` INTEGER NOT NULL,
    `error` TEXT NULL,
    `address` TEXT NULL,
    `kind` TEXT NOT NULL DEFAULT ('statement'),
    INDEX `AuditEntry_at_idx`(`at`),
    INDEX `AuditEntry_actor_at_idx`(`actor`, `at`),
    INDEX `AuditEntry_serverId_at_idx`(`serverId`, `at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `User` (
    `id` VARCHAR(191) NOT NULL,
    `username` VARCHAR(191) NOT NULL,
    `passwordHash` TEXT NOT NULL,
    `role` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE INDEX `User_username_key`(`username`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `Session` (
    `id` VARCHAR(191) NOT NULL,
    `userId` VARCHAR(191) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `expiresAt` DATETIME(3) NOT NULL,
    `revokedAt` DATETIME(3) NULL,
    `address` TEXT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `ApiToken` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `tokenHash` VARCHAR(191) NOT NULL,
    `role` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lastUsedAt` DATETIME(3) NULL,
    `revokedAt` DATETIME(3) NULL,
    UNIQUE INDEX `ApiToken_name_key`(`name`),
    UNIQUE INDEX `ApiToken_tokenHash_key`(`tokenHash`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `SwitchoverRun` (
    `id` VARCHAR(191) NOT NULL,
    `sourceId` VARCHAR(191) NOT NULL,
    `candidateId` TEXT NOT NULL,
    `actor` TEXT NOT NULL,
    `status` VARCHAR(191) NOT NULL,
    `options` TEXT NOT NULL,
    `secretEnc` TEXT NOT NULL,
    `steps` TEXT NOT NULL DEFAULT ('[]'),
    `state` TEXT NOT NULL DEFAULT ('{}'),
    `report` TEXT NULL,
    `error` TEXT NULL,
    `owner` TEXT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    INDEX `SwitchoverRun_sourceId_status_idx`(`sourceId`, `status`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `SetupCode` (
    `id` INTEGER NOT NULL,
    `codeHash` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `FirstAdmin` (
    `id` INTEGER NOT NULL,
    `username` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `Alert` (
    `id` VARCHAR(191) NOT NULL,
    `serverId` VARCHAR(191) NOT NULL,
    `channel` TEXT NOT NULL,
    `code` TEXT NOT NULL,
    `severity` TEXT NOT NULL,
    `message` TEXT NOT NULL,
    `state` VARCHAR(191) NOT NULL,
    `since` DOUBLE NOT NULL,
    `firedAt` DOUBLE NULL,
    `resolvedAt` DOUBLE NULL,
    `missingSince` DOUBLE NULL,
    `silenced` BOOLEAN NOT NULL DEFAULT false,
    `acknowledgedBy` TEXT NULL,
    `acknowledgedAt` DOUBLE NULL,
    `notified` TEXT NULL,
    `lastNotifiedAt` DOUBLE NULL,
    `lastFiringNotifiedAt` DOUBLE NULL,
    `seq` INTEGER NOT NULL DEFAULT 0,
    INDEX `Alert_serverId_idx`(`serverId`),
    INDEX `Alert_state_idx`(`state`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `Silence` (
    `id` VARCHAR(191) NOT NULL,
    `serverId` TEXT NULL,
    `cluster` TEXT NULL,
    `code` TEXT NULL,
    `endsAt` DATETIME(3) NOT NULL,
    `reason` TEXT NOT NULL,
    `createdBy` TEXT NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX `Silence_endsAt_idx`(`endsAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `AlertRule` (
    `id` VARCHAR(191) NOT NULL,
    `code` TEXT NULL,
    `cluster` TEXT NULL,
    `serverId` TEXT NULL,
    `forSeconds` INTEGER NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `AlertChannel` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(191) NOT NULL,
    `kind` TEXT NOT NULL,
    `url` TEXT NULL,
    `secretEnc` TEXT NULL,
    `smtp` TEXT NULL,
    `smtpPasswordEnc` TEXT NULL,
    `to` TEXT NULL,
    `minSeverity` TEXT NOT NULL DEFAULT ('warning'),
    `clusters` TEXT NOT NULL DEFAULT ('[]'),
    `lastResult` TEXT NULL,
    `lastError` TEXT NULL,
    `lastAttemptAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    UNIQUE INDEX `AlertChannel_name_key`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `Outbox` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `channelId` VARCHAR(191) NOT NULL,
    `alertId` TEXT NOT NULL,
    `idempotencyKey` VARCHAR(191) NOT NULL,
    `payload` TEXT NOT NULL,
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `nextAttemptAt` DOUBLE NOT NULL,
    `claimedUntil` DOUBLE NULL,
    `lastError` TEXT NULL,
    `createdAt` DOUBLE NOT NULL,
    `deliveredAt` DOUBLE NULL,
    `failedAt` DOUBLE NULL,
    UNIQUE INDEX `Outbox_channelId_idempotencyKey_key`(`channelId`, `idempotencyKey`),
    INDEX `Outbox_deliveredAt_failedAt_nextAttemptAt_idx`(`deliveredAt`, `failedAt`, `nextAttemptAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `Lease` (
    `name` VARCHAR(191) NOT NULL,
    `holder` TEXT NOT NULL,
    `epoch` INTEGER NOT NULL,
    `expiresAt` DOUBLE NOT NULL,
    PRIMARY KEY (`name`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `LeaseFence` (
    `id` INTEGER NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE `Instance` (
    `id` VARCHAR(191) NOT NULL,
    `host` TEXT NOT NULL,
    `startedAt` DOUBLE NOT NULL,
    `lastSeenAt` DOUBLE NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

ALTER TABLE `ServerState` ADD CONSTRAINT `ServerState_serverId_fkey` FOREIGN KEY (`serverId`) REFERENCES `Server`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `BootstrapStep` ADD CONSTRAINT `BootstrapStep_runId_fkey` FOREIGN KEY (`runId`) REFERENCES `BootstrapRun`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `Session` ADD CONSTRAINT `Session_userId_fkey` FOREIGN KEY (`userId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE `Outbox` ADD CONSTRAINT `Outbox_channelId_fkey` FOREIGN KEY (`channelId`) REFERENCES `AlertChannel`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
