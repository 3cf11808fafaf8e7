package io.encaisse.support;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements a request sends to the database (prepared, created or called
 * on any connection the request's thread takes), for the requests that carry the header
 * {@value #HEADER}; {@link #of} answers the count under that header's value. Import it
 * into a test: the application's data source is wrapped, nothing else changes.
 */
@TestConfiguration
public class StatementCounting {

	public static final String HEADER = "X-Count-Statements";

	private static final ThreadLocal<AtomicInteger> CURRENT = new ThreadLocal<>();

	private static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

	/** The statements the request with this header value sent. */
	public static int of(String token) {
		Integer count = COUNTS.get(token);
		if (count == null) {
			throw new IllegalStateException("no request counted under " + token);
		}
		return count;
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
					return new Counting(dataSource);
				}
				return bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> statementCountingFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String token = request.getHeader(HEADER);
						if (token == null) {
							chain.doFilter(request, response);
							return;
						}
						AtomicInteger count = new AtomicInteger();
						CURRENT.set(count);
						try {
							chain.doFilter(request, response);
						}
						finally {
							CURRENT.remove();
							COUNTS.put(token, count.get());
						}
					}
				});
		registration.setOrder(Integer.MIN_VALUE);
		return registration;
	}

	static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private static Connection counted(Connection connection) {
			return (Connection) Proxy.newProxyInstance(StatementCounting.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						String name = method.getName();
						if (name.equals("prepareStatement") || name.equals("createStatement")
								|| name.equals("prepareCall")) {
							AtomicInteger count = CURRENT.get();
							if (count != null) {
								count.incrementAndGet();
							}
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
