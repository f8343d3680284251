-- Failover hooks go through the outbox: a row is for a channel, or for a hook URL of a cluster (channelId NULL).
ALTER TABLE `Outbox` MODIFY `channelId` VARCHAR(191) NULL,
    ADD COLUMN `hookUrl` TEXT NULL,
    ADD COLUMN `hookCluster` TEXT NULL;
