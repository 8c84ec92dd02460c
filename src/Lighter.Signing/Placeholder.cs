namespace Lighter.Signing;
