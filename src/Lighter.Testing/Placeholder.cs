namespace Lighter.Testing;
