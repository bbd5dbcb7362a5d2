export * from './assets.module';
export * from './assets.service';
export * from './assets.repository';
export * from './entities/asset.entity';
export * from './entities/asset-version.entity';
export * from './dto/asset.dto';
export * from './dto/asset-content.dto';
