package io.govflow.flow.export;

import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.agent.StateStore;
import io.govflow.store.export.ExportFiles;
import io.govflow.store.export.ExportValidator;
import io.govflow.store.export.HistoryCsvWriter;
import io.govflow.store.export.HistoryJsonWriter;
import io.govflow.store.export.HistorySources;
import io.govflow.store.export.PackageWriter;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The export side of the store as beans (kept here so the shared store configuration stays untouched). */
@Configuration(proxyBeanMethods = false)
class ExportStoreConfiguration {

    @Bean
    ExportFiles exportFiles(DataDirectory dataDirectory, AtomicFileWriter writer, StoreJson json) {
        return new ExportFiles(dataDirectory, writer, json);
    }

    @Bean
    HistorySources historySources(UpdateLogStore updateLog, StateStore stateFiles) {
        return new HistorySources(updateLog, stateFiles);
    }

    @Bean
    HistoryJsonWriter historyJsonWriter(StoreJson json) {
        return new HistoryJsonWriter(json);
    }

    @Bean
    HistoryCsvWriter historyCsvWriter() {
        return new HistoryCsvWriter();
    }

    @Bean
    PackageWriter packageWriter(HistoryJsonWriter history, MetadataCodec metadataCodec, StoreJson json) {
        return new PackageWriter(history, metadataCodec, json);
    }

    @Bean
    ExportValidator exportValidator(ExportFiles files, StoreJson json) {
        return new ExportValidator(files, json);
    }
}
