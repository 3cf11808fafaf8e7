package io.encaisse.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * H2's {@code durable:} file system: the disk, with every write forced to the device
 * before it returns. H2's MVStore writes a commit's pages at the commit when
 * {@code WRITE_DELAY=0} (so a killed process loses nothing committed), but never forces
 * them: the operating system could still lose them in a power cut. With this file system
 * a commit that returned is on the disk. The database file itself is unchanged; the
 * embedded default's URL names it {@code jdbc:h2:file:durable:./data/encaisse} (ADR
 * 0016).
 */
@Configuration(proxyBeanMethods = false)
public class DurableH2Files {

	static final String SCHEME = "durable";

	/** Registers the file system before any bean, the data source included, is made. */
	@Bean
	static BeanFactoryPostProcessor durableH2FileSystem() {
		return factory -> FilePath.register(new DurableFilePath());
	}

	/** The file system: paths are the disk's, files force their writes. */
	public static final class DurableFilePath extends FilePathWrapper {

		@Override
		public String getScheme() {
			return SCHEME;
		}

		@Override
		public FileChannel open(String mode) throws IOException {
			FileChannel disk = getBase().open(mode);
			return "r".equals(mode) ? disk : new ForcedWrites(disk);
		}

	}

	/** A file channel whose writes are on the device when they return. */
	static final class ForcedWrites extends FileBase {

		private final FileChannel disk;

		ForcedWrites(FileChannel disk) {
			this.disk = disk;
		}

		@Override
		public int read(ByteBuffer dst) throws IOException {
			return this.disk.read(dst);
		}

		@Override
		public int read(ByteBuffer dst, long position) throws IOException {
			return this.disk.read(dst, position);
		}

		@Override
		public int write(ByteBuffer src) throws IOException {
			int written = this.disk.write(src);
			this.disk.force(false);
			return written;
		}

		@Override
		public int write(ByteBuffer src, long position) throws IOException {
			int written = this.disk.write(src, position);
			this.disk.force(false);
			return written;
		}

		@Override
		public long position() throws IOException {
			return this.disk.position();
		}

		@Override
		public FileChannel position(long newPosition) throws IOException {
			this.disk.position(newPosition);
			return this;
		}

		@Override
		public long size() throws IOException {
			return this.disk.size();
		}

		@Override
		public FileChannel truncate(long size) throws IOException {
			this.disk.truncate(size);
			this.disk.force(true);
			return this;
		}

		@Override
		public void force(boolean metaData) throws IOException {
			this.disk.force(metaData);
		}

		@Override
		public FileLock tryLock(long position, long size, boolean shared) throws IOException {
			return this.disk.tryLock(position, size, shared);
		}

		@Override
		public FileLock lock(long position, long size, boolean shared) throws IOException {
			return this.disk.lock(position, size, shared);
		}

		@Override
		protected void implCloseChannel() throws IOException {
			this.disk.close();
		}

	}

}
